package dev.userkit.sessions;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.crypto.Secrets;
import java.util.regex.Pattern;

/** The shape of a client-held device token (D1) and the hash a store keeps of it. */
final class DeviceTokens {
    /** At least 22 base64url characters: 132 bits, above the 128 D1 asks for. Longer input is refused before hashing. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,512}");

    private DeviceTokens() {}

    /** Whether the token has the shape of a device token. */
    static boolean wellFormed(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

    /** The SHA-256 a store keeps of a token; 805 INVALID_DEVICE_TOKEN for a missing or malformed one. */
    static String hashOf(String token) {
        if (!wellFormed(token)) throw new UserKitException(ErrorCode.INVALID_DEVICE_TOKEN);
        return Secrets.sha256(token);
    }
}
