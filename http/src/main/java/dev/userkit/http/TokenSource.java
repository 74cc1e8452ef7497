package dev.userkit.http;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a request carries a client-held secret (the device token, the known-client token): a
 * header, a cookie, or both (the header wins).
 *
 * @param header the header's name, or null for none
 * @param cookie the cookie's name, or null for none
 */
public record TokenSource(String header, String cookie) {
    /** Neither: the secret is not read from requests. */
    public static final TokenSource NONE = new TokenSource(null, null);

    /**
     * A source read from a header.
     *
     * @param name the header's name
     * @return the source
     */
    public static TokenSource header(String name) {
        return new TokenSource(name, null);
    }

    /**
     * A source read from a cookie.
     *
     * @param name the cookie's name
     * @return the source
     */
    public static TokenSource cookie(String name) {
        return new TokenSource(null, name);
    }

    /** The value the request carries, or null. */
    String read(HttpServletRequest request) {
        if (header != null) {
            String v = request.getHeader(header);
            if (v != null && !v.isBlank()) return v.strip();
        }
        return cookie == null ? null : cookieValue(request, cookie);
    }

    /**
     * The value of the first cookie of this name, or null.
     *
     * @throws UserKitException 1010 for a {@code Cookie} header the container cannot parse (Jetty refuses a tab in one)
     */
    static String cookieValue(HttpServletRequest request, String name) {
        Cookie[] cookies;
        try {
            cookies = request.getCookies();
        } catch (RuntimeException malformed) {
            // each container has its own exception for it (Jetty: a 400 HttpException); none is the application's fault
            throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Malformed Cookie header");
        }
        if (cookies == null) return null;
        for (Cookie c : cookies) {
            if (c.getName().equals(name) && !c.getValue().isEmpty()) return c.getValue();
        }
        return null;
    }
}
