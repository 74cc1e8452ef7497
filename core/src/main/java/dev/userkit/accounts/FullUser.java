package dev.userkit.accounts;

import dev.userkit.domain.Role;
import dev.userkit.domain.User;
import java.util.List;

/**
 * A user together with the roles it holds (A14).
 *
 * @param user the public view (no password hash)
 * @param roles the roles granted, ordered by name
 */
public record FullUser(User user, List<Role> roles) {
    /**
     * Copies the list.
     *
     * @param user see {@link #user()}
     * @param roles see {@link #roles()}
     */
    public FullUser {
        roles = List.copyOf(roles);
    }
}
