package dev.userkit.pages;

import dev.userkit.UserKit;
import dev.userkit.http.RequestAttributes;
import dev.userkit.http.SessionCookies;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Log out (S5): ends the session and clears its cookies; a POST only, as every state change. */
final class LogoutPage implements Page {
    private final UserKit kit;
    private final SessionCookies cookies;
    private final SessionToken token;

    LogoutPage(UserKit kit, SessionCookies cookies, SessionToken token) {
        this.kit = kit;
        this.cookies = cookies;
        this.token = token;
    }

    @Override
    public void get(PageContext page, HttpServletResponse response) throws IOException {
        PageSupport.redirect(page, response, page.user().isPresent() ? "/account" : "/login", null);
    }

    @Override
    public void post(PageContext page, HttpServletResponse response) throws IOException {
        token.of(page).ifPresent(t -> kit.sessions().logout(t));
        cookies.clear(response, RequestAttributes.secure(page.request()));
        PageSupport.redirect(page, response, "/login", "logged_out");
    }
}
