package dev.userkit.http;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The session token a request presents and how: the session cookie, {@code Authorization: Bearer},
 * or umpack's raw {@code authorization} header (the token alone). Only a cookie is sent by a browser
 * on its own, so only cookie-carried tokens need CSRF protection.
 *
 * @param value the token
 * @param carrier how it came
 */
record PresentedToken(String value, Carrier carrier) {
    /** How a token came. */
    enum Carrier { COOKIE, HEADER }

    /** The header wins over the cookie: a client that sends one chose it. Null when the request presents none. */
    static PresentedToken of(HttpServletRequest request, String cookieName) {
        String header = request.getHeader("Authorization");
        if (header != null && !header.isBlank()) {
            String h = header.strip();
            boolean bearer = h.length() > 7 && h.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ");
            return new PresentedToken(bearer ? h.substring(7).strip() : h, Carrier.HEADER);
        }
        String cookie = TokenSource.cookieValue(request, cookieName);
        return cookie == null ? null : new PresentedToken(cookie, Carrier.COOKIE);
    }

}
