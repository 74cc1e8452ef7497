package dev.userkit.pages;

import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.User;
import dev.userkit.http.RequestAttributes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The forms of my account, each a POST to its own path (CSRF-checked by the edge): change password
 * (A7, the other sessions end), change email (A8, a code to the new address), sign out everywhere
 * else (S10), end one of my other sessions (S7), export my data (A18, a JSON download).
 */
final class AccountActions {
    private AccountActions() {}

    /** What one form does for the session's user; a refusal goes back to the account page. */
    @FunctionalInterface
    interface Action {
        void run(PageContext page, User me);
    }

    static Page changePassword(UserKit kit, AccountPage account) {
        return new Form(account, "password", "password_changed", (page, me) -> kit.accounts().changePassword(me.id(),
                page.field("current"), page.field("password"), RequestAttributes.validation(page.request()).orElseThrow().session().id()));
    }

    static Page changeEmail(UserKit kit, AccountPage account) {
        return new Form(account, "email", "email_change_sent",
                (page, me) -> kit.accounts().requestEmailChange(me.id(), page.field("current"), page.field("email")));
    }

    static Page signOutOthers(UserKit kit, AccountPage account, SessionToken token) {
        return new Form(account, "others", "signed_out_others",
                (page, me) -> token.of(page).ifPresent(t -> kit.sessions().signOutOthers(t)));
    }

    static Page revokeSession(UserKit kit, AccountPage account) {
        // a session id of somebody else's ends nothing: core revokes only the caller's own
        return new Form(account, "others", "session_revoked",
                (page, me) -> kit.sessions().revoke(me.id(), SessionId.parse(page.field("session"))));
    }

    static Page export(UserKit kit) {
        return (AccountForm) (page, response, me) -> {
            byte[] json = kit.accounts().exportUser(me.id()).getBytes(StandardCharsets.UTF_8);
            PageView.noStore(response);
            response.setContentType("application/json;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"my-data.json\"");
            response.getOutputStream().write(json);
        };
    }

    /** A form of my account: its GET goes back to the account page, and its POST needs a signed-in user. */
    @FunctionalInterface
    private interface AccountForm extends Page {
        void post(PageContext page, HttpServletResponse response, User me) throws IOException;

        @Override
        default void get(PageContext page, HttpServletResponse response) throws IOException {
            PageSupport.redirect(page, response, "/account", null);
        }

        @Override
        default void post(PageContext page, HttpServletResponse response) throws IOException {
            User me = page.user().orElse(null);
            if (me == null) {
                PageSupport.redirect(page, response, "/login", null);
                return;
            }
            post(page, response, me);
        }
    }

    private record Form(AccountPage account, String name, String done, Action action) implements AccountForm {
        @Override
        public void post(PageContext page, HttpServletResponse response, User me) throws IOException {
            try {
                action.run(page, me);
            } catch (UserKitException e) {
                account.refuse(page, response, name, FormErrors.of(e, page));
                return;
            }
            PageSupport.redirect(page, response, "/account", done);
        }
    }
}
