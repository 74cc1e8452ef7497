package dev.userkit.http;

import dev.userkit.domain.Role;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * umpack's two shapes of a user (seed 002): the summary that {@code GET /users},
 * {@code /updateUserStatus} and {@code /updateUserRoles} answer ({@code id, userName, isActivated,
 * roles}) and the full user of {@code GET /users/{userId}} and {@code /users/{userName}/full}, which
 * adds the profile, email, phone and {@code metaData}. An absent text field is {@code ""}, as umpack
 * stores it; {@code isActivated} is true for an ACTIVE user only. Never a secret.
 */
final class UserJson {
    private UserJson() {}

    static Map<String, Object> summary(User user, List<Role> roles) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", user.id().toString());
        out.put("userName", user.username().value());
        out.put("isActivated", user.status() == UserStatus.ACTIVE);
        out.put("roles", roles.stream().map(Role::name).toList());
        return out;
    }

    static Map<String, Object> full(User user, List<Role> roles) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", user.id().toString());
        out.put("userName", user.username().value());
        out.put("firstName", text(user.profile().firstName()));
        out.put("lastName", text(user.profile().lastName()));
        out.put("email", user.email().value());
        out.put("phone", user.phone() == null ? "" : user.phone().value());
        out.put("address", text(user.profile().address()));
        out.put("additionalInfo", text(user.profile().additionalInfo()));
        out.put("isActivated", user.status() == UserStatus.ACTIVE);
        out.put("roles", roles.stream().map(Role::name).toList());
        out.put("metaData", user.metadata());
        return out;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
