package dev.userkit.pages;

import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * The pages that send mail or open from it: the verification link (A3), forgot password and forgot username, which answer the same
 * notice whether or not an account matches (no user enumeration; delivery runs outside the
 * request, SEC-31), the mail's reset link, and the mail's email-change link.
 */
final class MailPages {
    private MailPages() {}

    /**
     * The mail's verification link. The GET only shows a button: mail scanners fetch links, and a
     * fetch must not spend the code.
     */
    static Page verify(UserKit kit, PageSupport support) {
        return new CodeForm(support, "verify", "/login", "verified", page -> kit.accounts().verifyEmail(page.field("code")));
    }

    /** Forgot password: a reset link to the account's email. */
    static Page forgotPassword(UserKit kit, PageSupport support) {
        return new Request(support, "forgot_password", "reset_sent",
                page -> kit.recovery().requestPasswordReset(page.field("username"), page.client()));
    }

    /** Forgot user name: a reminder to the email. */
    static Page forgotUsername(UserKit kit, PageSupport support) {
        return new Request(support, "forgot_username", "username_sent",
                page -> kit.recovery().requestUsernameReminder(page.field("email"), page.client()));
    }

    /** The reset link: a new password for the code; the code is spent only by the POST. */
    static Page resetPassword(UserKit kit, PageSupport support) {
        return new CodeForm(support, "reset_password", "/login", "password_reset",
                page -> kit.recovery().resetPassword(page.field("code"), page.field("password")));
    }

    /** The email-change link: the new address becomes the account's. */
    static Page emailChange(UserKit kit, PageSupport support) {
        return new CodeForm(support, "email_change", "/account", "email_changed",
                page -> kit.accounts().confirmEmailChange(page.field("code")));
    }

    /** What a form post does with the services. */
    @FunctionalInterface
    interface Action {
        void run(PageContext page);
    }

    /** A request form whose success always reads the same notice on its own page. */
    private record Request(PageSupport support, String template, String done, Action action) implements Page {
        @Override
        public void get(PageContext page, HttpServletResponse response) throws IOException {
            support.show(page, response, template, Map.of());
        }

        @Override
        public void post(PageContext page, HttpServletResponse response) throws IOException {
            try {
                action.run(page);
            } catch (UserKitException e) {
                // malformed input or throttling; never "no such user", which the services do not say
                support.refuse(page, response, template, e, Map.of());
                return;
            }
            PageSupport.redirect(page, response, "/" + template.replace('_', '-'), done);
        }
    }

    /** A page a mailed code opens: the code rides in a hidden field, and the POST spends it. */
    private record CodeForm(PageSupport support, String template, String next, String done, Action action) implements Page {
        @Override
        public void get(PageContext page, HttpServletResponse response) throws IOException {
            support.show(page, response, template, Map.of("code", page.field("code")));
        }

        @Override
        public void post(PageContext page, HttpServletResponse response) throws IOException {
            try {
                action.run(page);
            } catch (UserKitException e) {
                support.refuse(page, response, template, e, Map.of("code", page.field("code")));
                return;
            }
            PageSupport.redirect(page, response, next, done);
        }
    }
}
