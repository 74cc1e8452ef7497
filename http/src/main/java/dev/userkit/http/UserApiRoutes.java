package dev.userkit.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.domain.Profile;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * umpack's user administration (W2, A4-A12, A19): list, read, rename, edit, activate, grant and
 * delete users. Every route needs a permission for its own path (R4). A malformed user id is 400
 * with 1010; an unknown one is 404 with 605 ({@link HttpStatuses}).
 */
final class UserApiRoutes {
    /** {@code GET /users} answers at most this many users per page, and this many when no {@code limit} is given. */
    static final int MAX_PAGE = 100;
    private final UserKit kit;

    UserApiRoutes(UserKit kit) {
        this.kit = kit;
    }

    void register(RouteTable table) {
        table.add("GET", "/users", this::list)
                .add("POST", "/updateUserStatus", this::updateStatus)
                .add("POST", "/updateUserRoles", this::updateRoles)
                .add("GET", "/users/{userId}", this::byId)
                .add("GET", "/users/{userName}/full", this::byName)
                .add("PUT", "/users/{userId}/username", this::rename)
                .add("PUT", "/users/{userId}/info", this::info)
                .add("DELETE", "/users/{userId}", this::delete);
    }

    /** One page in id order: {@code ?after=<last id of the previous page>&limit=1..100} (default 100). */
    private void list(ApiCall call) throws IOException {
        String after = call.request().getParameter("after");
        int limit = limit(call.request().getParameter("limit"));
        List<User> page = kit.accounts().list(after == null || after.isEmpty() ? null : UserId.parse(after), limit);
        call.ok(page.stream().map(this::summary).toList());
    }

    private void updateStatus(ApiCall call) throws IOException, JsonBodies.TooLarge {
        UserId id = UserId.parse(call.requiredText("id"));
        Boolean activated = required(call.bool("isActivated"), "isActivated");
        User u = activated ? kit.accounts().activate(id) : kit.accounts().deactivate(id);
        call.ok(summary(u));
    }

    private void updateRoles(ApiCall call) throws IOException, JsonBodies.TooLarge {
        UserId id = UserId.parse(call.requiredText("userId"));
        String role = call.requiredText("roleName");
        boolean enable = required(call.bool("enable"), "enable");
        if (enable) kit.access().grant(id, role);
        else kit.access().revoke(id, role);
        call.ok(summary(kit.accounts().fullUser(id).user()));
    }

    private void byId(ApiCall call) throws IOException {
        var full = kit.accounts().fullUser(UserId.parse(call.param("userId")));
        call.ok(UserJson.full(full.user(), full.roles()));
    }

    private void byName(ApiCall call) throws IOException {
        User u = kit.accounts().findByUsername(call.param("userName"))
                .orElseThrow(() -> new UserKitException(ErrorCode.USER_NOT_FOUND));
        var full = kit.accounts().fullUser(u.id());
        call.ok(UserJson.full(full.user(), full.roles()));
    }

    private void rename(ApiCall call) throws IOException, JsonBodies.TooLarge {
        UserId id = UserId.parse(call.param("userId"));
        kit.accounts().adminChangeUsername(id, call.requiredText("userName"));
        call.success(null);
    }

    /**
     * umpack's info edit: the fields present replace the stored ones, absent ones are kept; an empty
     * {@code phone} removes the number. One core call (A19), so a taken email changes nothing.
     */
    private void info(ApiCall call) throws IOException, JsonBodies.TooLarge {
        UserId id = UserId.parse(call.param("userId"));
        Profile current = kit.accounts().fullUser(id).user().profile();
        JsonNode body = call.body();
        Profile profile = current.toBuilder()
                .firstName(body.has("firstName") ? call.text("firstName") : current.firstName())
                .lastName(body.has("lastName") ? call.text("lastName") : current.lastName())
                .address(body.has("address") ? call.text("address") : current.address())
                .additionalInfo(body.has("additionalInfo") ? call.text("additionalInfo") : current.additionalInfo())
                .build();
        kit.accounts().adminUpdateInfo(id, profile, call.text("email"), call.text("phone"));
        call.success(null);
    }

    private void delete(ApiCall call) throws IOException {
        kit.accounts().delete(UserId.parse(call.param("userId")));
        call.success(null);
    }

    private Map<String, Object> summary(User u) {
        return UserJson.summary(u, kit.access().rolesOf(u.id()));
    }

    private static int limit(String text) {
        if (text == null || text.isEmpty()) return MAX_PAGE;
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= MAX_PAGE) return n;
        } catch (NumberFormatException notANumber) {
            // answered below like any number out of range
        }
        throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "limit must be a whole number from 1 to " + MAX_PAGE);
    }

    private static <T> T required(T value, String field) {
        if (value == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, field + " is required");
        return value;
    }
}
