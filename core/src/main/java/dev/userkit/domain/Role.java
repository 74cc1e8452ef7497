package dev.userkit.domain;

import java.util.List;
import java.util.Objects;

/**
 * A named set of permissions (R1, R2). Names are unique in a store.
 *
 * @param id the role's id
 * @param name the unique name
 * @param description free text, may be empty
 * @param permissions the permissions, in the order they were added
 */
public record Role(RoleId id, String name, String description, List<Permission> permissions) {
    /** Checks required fields and copies the list. */
    public Role {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }
}
