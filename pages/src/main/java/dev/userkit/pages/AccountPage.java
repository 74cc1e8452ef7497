package dev.userkit.pages;

import dev.userkit.UserKit;
import dev.userkit.domain.Session;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.User;
import dev.userkit.http.RequestAttributes;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * My account: who I am, my active sessions (this one marked) and the forms of {@link AccountActions}.
 * Without a live session it sends the visitor to the login page. A refused form comes back here with
 * its errors under its own name ({@code passwordErrors}, {@code emailErrors}), since the page holds
 * several forms with like-named fields.
 */
final class AccountPage implements Page {
    private final UserKit kit;
    private final PageSupport support;
    private final int pageSize;

    AccountPage(UserKit kit, PageSupport support, int pageSize) {
        this.kit = kit;
        this.support = support;
        this.pageSize = pageSize;
    }

    @Override
    public void get(PageContext page, HttpServletResponse response) throws IOException {
        if (page.user().isEmpty()) {
            PageSupport.redirect(page, response, "/login", null);
            return;
        }
        support.show(page, response, "account", scope(page));
    }

    /** The page again, 400, with one form's refusal. */
    void refuse(PageContext page, HttpServletResponse response, String form, Map<String, String> errors) throws IOException {
        Map<String, Object> scope = scope(page);
        scope.put(form + "Errors", errors);
        support.refuse(page, response, "account", Map.of(), scope);
    }

    private Map<String, Object> scope(PageContext page) {
        User me = page.user().orElseThrow();
        SessionId current = RequestAttributes.validation(page.request()).orElseThrow().session().id();
        List<Session> sessions = kit.sessions().list(me.id(), false, null, pageSize);
        Map<String, Object> scope = new HashMap<>();
        scope.put("username", me.username().value());
        scope.put("email", me.email().value());
        scope.put("status", me.status().name());
        scope.put("admin", me.admin());
        scope.put("sessions", sessions.stream().map(s -> row(s, current)).toList());
        return scope;
    }

    private static Map<String, Object> row(Session s, SessionId current) {
        Map<String, Object> row = new HashMap<>();
        row.put("started", s.createdAt().toString());
        row.put("seen", s.lastSeenAt().toString());
        row.put("current", s.id().equals(current));
        row.put("id", s.id().toString());
        return row;
    }
}
