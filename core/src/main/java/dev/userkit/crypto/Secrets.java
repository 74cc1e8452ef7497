package dev.userkit.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Secret tokens and their hashes (SEC-11, SEC-12, SEC-16): 32 bytes from SecureRandom, base64url;
 * stores only ever see SHA-256 (or, for short codes, an HMAC under a server key).
 */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Secrets() {}

    /**
     * A new 256-bit token, base64url without padding (43 characters).
     *
     * @return the token
     */
    public static String newToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return B64.encodeToString(b);
    }

    /**
     * A short numeric code of {@code digits} digits, uniformly random.
     *
     * @param digits the number of digits
     * @return the code
     */
    public static String newDigits(int digits) {
        StringBuilder s = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) s.append((char) ('0' + RANDOM.nextInt(10)));
        return s.toString();
    }

    // Session validation hashes every token it sees: a per-thread digest avoids the provider
    // look-up of MessageDigest.getInstance on that hot path.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JVM", e);
        }
    });

    /**
     * SHA-256 of the UTF-8 text, base64url without padding.
     *
     * @param text the text
     * @return the digest
     */
    public static String sha256(String text) {
        return B64.encodeToString(SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * HMAC-SHA256 of the UTF-8 text under {@code key}, base64url without padding.
     *
     * @param key the HMAC key
     * @param text the text
     * @return the MAC
     */
    public static String hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return B64.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JVM", e);
        }
    }

    /**
     * Compares two strings in time independent of where they differ.
     *
     * @param a one string
     * @param b the other string
     * @return true if they are equal
     */
    public static boolean constantTimeEquals(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
