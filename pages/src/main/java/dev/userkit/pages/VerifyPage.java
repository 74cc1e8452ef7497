package dev.userkit.pages;

import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The mail's verification link (A3). The GET only shows a button: mail scanners fetch links, and a
 * fetch must not spend the code. The button's POST verifies.
 */
final class VerifyPage implements Page {
    private final UserKit kit;
    private final PageSupport support;

    VerifyPage(UserKit kit, PageSupport support) {
        this.kit = kit;
        this.support = support;
    }

    @Override
    public void get(PageContext page, HttpServletResponse response) throws IOException {
        support.show(page, response, "verify", Map.of("code", page.field("code")));
    }

    @Override
    public void post(PageContext page, HttpServletResponse response) throws IOException {
        try {
            kit.accounts().verifyEmail(page.field("code"));
        } catch (UserKitException e) {
            support.refuse(page, response, "verify", e, Map.of("code", page.field("code")));
            return;
        }
        PageSupport.redirect(page, response, "/login", "verified");
    }
}
