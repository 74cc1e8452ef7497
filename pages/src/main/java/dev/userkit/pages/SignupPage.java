package dev.userkit.pages;

import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.accounts.NewUser;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** Sign up (A1): username, email, password; the verification mail follows, then the login page says so. */
final class SignupPage implements Page {
    private final UserKit kit;
    private final PageSupport support;

    SignupPage(UserKit kit, PageSupport support) {
        this.kit = kit;
        this.support = support;
    }

    @Override
    public void get(PageContext page, HttpServletResponse response) throws IOException {
        support.show(page, response, "signup", Map.of());
    }

    @Override
    public void post(PageContext page, HttpServletResponse response) throws IOException {
        Map<String, Object> entered = Map.of("username", page.field("username"), "email", page.field("email"));
        try {
            NewUser user = NewUser.builder(page.field("username"), page.field("email")).password(page.field("password")).build();
            kit.accounts().register(user, page.client());
        } catch (UserKitException e) {
            support.refuse(page, response, "signup", e, entered);
            return;
        }
        PageSupport.redirect(page, response, "/login", "signed_up");
    }
}
