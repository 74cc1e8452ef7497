package dev.userkit.spi;

import dev.userkit.domain.Role;
import java.util.Objects;

/**
 * A role as a store keeps it, with an optimistic version.
 *
 * @param role the role
 * @param version 0 on insert; each successful {@link RoleStore#update} adds one
 */
public record RoleRecord(Role role, long version) {
    /**
     * Checks required fields.
     *
     * @param role see {@link #role()}
     * @param version see {@link #version()}
     */
    public RoleRecord {
        Objects.requireNonNull(role, "role");
    }

    /**
     * The next version with another role value.
     *
     * @param changed the role as it is to be stored
     * @return the next version of the record
     */
    public RoleRecord next(Role changed) {
        return new RoleRecord(changed, version + 1);
    }
}
