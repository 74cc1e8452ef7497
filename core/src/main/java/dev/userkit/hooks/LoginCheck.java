package dev.userkit.hooks;

import dev.userkit.ClientContext;
import dev.userkit.domain.User;

/**
 * Runs after a correct password and before a session is made (H2). Throw a
 * {@link dev.userkit.UserKitException} (usually {@link dev.userkit.ErrorCode#LOGIN_REFUSED}) to refuse.
 */
@FunctionalInterface
public interface LoginCheck {
    /**
     * Checks the user about to log in.
     *
     * @param user the user whose password was just accepted
     * @param client what is known about the caller
     */
    void check(User user, ClientContext client);
}
