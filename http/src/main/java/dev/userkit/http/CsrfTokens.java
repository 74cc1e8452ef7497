package dev.userkit.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * CSRF tokens bound to the session (OWASP's synchronizer token, kept stateless): the token is a
 * SHA-256 of the session token under a label of its own, handed to scripts in a readable cookie and
 * echoed in a header by state-changing requests. A site that can plant cookies (a sibling subdomain)
 * still cannot make a token that matches a session it does not hold, and the label keeps it apart
 * from the SHA-256 the stores keep of session tokens.
 */
final class CsrfTokens {
    private static final byte[] LABEL = "userkit csrf v1\n".getBytes(StandardCharsets.US_ASCII);

    private CsrfTokens() {}

    /** The CSRF token of a session token. */
    static String of(String sessionToken) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(LABEL);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest(sessionToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Whether a presented value is the session's token, compared in constant time. */
    static boolean matches(String sessionToken, String presented) {
        if (presented == null) return false;
        return MessageDigest.isEqual(of(sessionToken).getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.UTF_8));
    }
}
