package dev.userkit.cli;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.domain.User;
import java.util.List;
import java.util.Map;

/** How the user commands find a user and show one: by username or email; no hash, no secret. */
final class UserRows {
    /** The columns of {@code users list}. */
    static final List<String> COLUMNS = List.of("id", "username", "email", "status", "admin", "created");

    private UserRows() {}

    /** The user with this username or email; USER_NOT_FOUND (605) if there is none. */
    static User find(UserKit kit, String usernameOrEmail) {
        return kit.accounts().find(usernameOrEmail).orElseThrow(() -> new UserKitException(ErrorCode.USER_NOT_FOUND,
                "No user has the username or email '" + usernameOrEmail + "'"));
    }

    /** One user's fields, in {@link #COLUMNS}' order. */
    static Map<String, Object> of(User u) {
        return Report.fields("id", u.id().toString(), "username", u.username().value(), "email", u.email().value(),
                "status", u.status().name(), "admin", u.admin(), "created", u.createdAt().toString());
    }
}
