package dev.userkit.pages;

import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.http.RequestAttributes;
import dev.userkit.http.SessionCookies;
import dev.userkit.sessions.LoginResult;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Log in (S1) by username or email; success hands out the HTTP edge's session and CSRF cookies and
 * goes to my account. Every refusal reads the same next to the form, whatever its cause.
 */
final class LoginPage implements Page {
    private final UserKit kit;
    private final PageSupport support;
    private final SessionCookies cookies;

    LoginPage(UserKit kit, PageSupport support, SessionCookies cookies) {
        this.kit = kit;
        this.support = support;
        this.cookies = cookies;
    }

    @Override
    public void get(PageContext page, HttpServletResponse response) throws IOException {
        support.show(page, response, "login", Map.of());
    }

    @Override
    public void post(PageContext page, HttpServletResponse response) throws IOException {
        LoginResult result;
        try {
            result = kit.sessions().login(page.field("username"), page.field("password"), page.client());
        } catch (UserKitException e) {
            support.refuse(page, response, "login", FormErrors.of(e, page), Map.of("username", page.field("username")));
            return;
        }
        cookies.issue(response, result.token(), RequestAttributes.secure(page.request()));
        PageSupport.redirect(page, response, "/account", null);
    }
}
