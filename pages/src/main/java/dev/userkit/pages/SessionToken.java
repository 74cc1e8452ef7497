package dev.userkit.pages;

import dev.userkit.http.RequestAttributes;
import jakarta.servlet.http.Cookie;
import java.util.Optional;

/**
 * The session token of a page request: the session cookie's value, only when the HTTP edge found it
 * live (a page never acts on a token that did not validate).
 */
final class SessionToken {
    private final String cookieName;

    SessionToken(String cookieName) {
        this.cookieName = cookieName;
    }

    Optional<String> of(PageContext page) {
        if (RequestAttributes.validation(page.request()).isEmpty()) return Optional.empty();
        Cookie[] cookies = page.request().getCookies();
        if (cookies == null) return Optional.empty();
        for (Cookie c : cookies) {
            if (cookieName.equals(c.getName())) return Optional.of(c.getValue());
        }
        return Optional.empty();
    }
}
