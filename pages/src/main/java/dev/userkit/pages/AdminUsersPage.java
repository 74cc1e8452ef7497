package dev.userkit.pages;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.domain.Role;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Admin: the users (A5) with their status and roles, and per user activate, deactivate, unlock
 * (S11: a locked account opens again), delete, grant and revoke a role (R3); the locked accounts
 * among them (SEC-28) are listed first, with until when, each with its unlock button. Only a session whose
 * roles allow {@code /pages/admin/**} gets here: the edge's authorisation filter sees to it.
 */
final class AdminUsersPage implements Page {
    private final UserKit kit;
    private final PageSupport support;
    private final int pageSize;

    AdminUsersPage(UserKit kit, PageSupport support, int pageSize) {
        this.kit = kit;
        this.support = support;
        this.pageSize = pageSize;
    }

    @Override
    public void get(PageContext page, HttpServletResponse response) throws IOException {
        support.show(page, response, "admin_users", scope());
    }

    @Override
    public void post(PageContext page, HttpServletResponse response) throws IOException {
        try {
            act(page.field("action"), UserId.parse(page.field("user")), page.field("role"));
        } catch (UserKitException e) {
            support.refuse(page, response, "admin_users", e, scope());
            return;
        } catch (IllegalArgumentException malformedId) {
            support.refuse(page, response, "admin_users", new UserKitException(ErrorCode.INVALID_ARGUMENT, "Malformed user id"), scope());
            return;
        }
        PageSupport.redirect(page, response, "/admin", "admin_saved");
    }

    private void act(String action, UserId user, String role) {
        switch (action) {
            case "activate" -> kit.accounts().activate(user);
            case "deactivate" -> kit.accounts().deactivate(user);
            case "unlock" -> kit.accounts().unlock(user);
            case "delete" -> kit.accounts().delete(user);
            case "grant" -> kit.access().grant(user, role);
            case "revoke" -> kit.access().revoke(user, role);
            default -> throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Unknown action");
        }
    }

    private Map<String, Object> scope() {
        List<String> roleNames = kit.access().listRoles().stream().map(Role::name).toList();
        Map<String, Object> scope = new HashMap<>();
        List<Map<String, Object>> users = kit.accounts().list((UserId) null, pageSize).stream().map(u -> row(u, roleNames)).toList();
        scope.put("users", users);
        // lockout counters are keyed by hashes, so the locked accounts are found among the listed ones
        List<Map<String, Object>> locked = users.stream().filter(u -> u.containsKey("lockedUntil")).toList();
        scope.put("locked", locked);
        scope.put("noneLocked", locked.isEmpty());
        return scope;
    }

    private Map<String, Object> row(User u, List<String> allRoles) {
        List<String> held = kit.access().rolesOf(u.id()).stream().map(Role::name).toList();
        Map<String, Object> row = new HashMap<>();
        row.put("id", u.id().toString());
        row.put("username", u.username().value());
        row.put("email", u.email().value());
        row.put("status", u.status().name());
        kit.accounts().lockedUntil(u.id()).ifPresent(until -> row.put("lockedUntil", until.truncatedTo(ChronoUnit.SECONDS).toString()));
        row.put("held", held);
        List<String> grantable = allRoles.stream().filter(r -> !held.contains(r)).toList();
        row.put("grantable", grantable);
        row.put("canGrant", !grantable.isEmpty());
        return row;
    }
}
