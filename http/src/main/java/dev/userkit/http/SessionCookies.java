package dev.userkit.http;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes the session cookie (HttpOnly, SameSite=Lax, Secure when the client reached the edge over
 * TLS, the configured name and path; no Max-Age, so the browser drops it when it closes and the
 * server's idle and absolute limits stay the only lifetime) and the CSRF cookie beside it, which
 * scripts may read. Public for the pages module, whose login form hands out the same cookies as
 * {@link LoginRoutes}.
 */
public final class SessionCookies {
    /** 400 days: browsers cap a cookie's lifetime there. */
    static final int KNOWN_CLIENT_MAX_AGE = 400 * 24 * 3600;
    private final HttpSettings settings;

    /**
     * Cookies under these settings' names and path.
     *
     * @param settings the edge's settings
     */
    public SessionCookies(HttpSettings settings) {
        this.settings = settings;
    }

    /**
     * Hands out a session: its token, and the CSRF token that goes with it.
     *
     * @param response the response to add the cookies to
     * @param token the session token
     * @param secure whether the client reached the edge over TLS ({@link RequestAttributes#secure})
     */
    public void issue(HttpServletResponse response, String token, boolean secure) {
        response.addCookie(cookie(settings.sessionCookie(), token, secure, true, -1));
        response.addCookie(cookie(settings.csrfCookie(), CsrfTokens.of(token), secure, false, -1));
    }

    /**
     * Hands out a known-client token (S11) for {@value #KNOWN_CLIENT_MAX_AGE} seconds, the longest
     * browsers keep a cookie: the server's {@code knownClientTtl} decides how long it counts.
     */
    void knownClient(HttpServletResponse response, String token, boolean secure) {
        response.addCookie(cookie(settings.knownClientToken().cookie(), token, secure, true, KNOWN_CLIENT_MAX_AGE));
    }

    /**
     * Ends the session's cookies in the browser.
     *
     * @param response the response to add the expired cookies to
     * @param secure whether the client reached the edge over TLS
     */
    public void clear(HttpServletResponse response, boolean secure) {
        response.addCookie(cookie(settings.sessionCookie(), "", secure, true, 0));
        response.addCookie(cookie(settings.csrfCookie(), "", secure, false, 0));
    }

    private Cookie cookie(String name, String value, boolean secure, boolean httpOnly, int maxAge) {
        Cookie c = new Cookie(name, value);
        c.setPath(settings.cookiePath());
        c.setHttpOnly(httpOnly);
        c.setSecure(secure);
        c.setMaxAge(maxAge);
        c.setAttribute("SameSite", "Lax");
        return c;
    }
}
