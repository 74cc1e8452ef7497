package dev.userkit.spi;

import dev.userkit.domain.Role;
import java.util.List;
import java.util.Objects;

/**
 * A session and its user, read together with the roles the user holds: what an authorisation check
 * (R4) needs, as the store holds it at the moment of the read (SEC-20).
 *
 * @param read the session and its user
 * @param roles the user's roles ordered by name; empty for an anonymous session or a missing user
 */
public record SessionWithRoles(SessionWithUser read, List<Role> roles) {
    /**
     * Checks required fields and copies the list.
     *
     * @param read see {@link #read()}
     * @param roles see {@link #roles()}
     */
    public SessionWithRoles {
        Objects.requireNonNull(read, "read");
        roles = List.copyOf(roles);
    }
}
