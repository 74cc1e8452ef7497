package dev.userkit.domain;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.domain.TextRules.Lines;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named set of permissions (R1, R2). Names are unique in a store. The constructor checks what
 * every store needs to keep a role exactly (sizes and characters); the access-control service
 * also holds new names to {@link #NAME}.
 *
 * @param id the role's id
 * @param name the unique name: at most {@link Limits#ROLE_NAME} characters, single-line; new names match {@link #NAME}
 * @param description free text, may be empty; multi-line, at most {@link Limits#ROLE_DESCRIPTION} code points
 * @param permissions the permissions, in the order they were added; each without an id gets its
 *                    {@link Permission#legacyId}
 */
public record Role(RoleId id, String name, String description, List<Permission> permissions) {
    /** Allowed role names. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1," + Limits.ROLE_NAME + "}");

    /**
     * Checks the fields and copies the list.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param description see {@link #description()}
     * @param permissions see {@link #permissions()}
     * @throws UserKitException WRONG_ROLE_NAME (701) for a null or over-long name or one with a character
     *         {@link TextRules} refuses in a single line, INVALID_ARGUMENT (1010)
     *         for a description over its cap or with a character {@link TextRules} refuses,
     *         INVALID_PATTERN (703) for a null permission
     */
    public Role {
        Objects.requireNonNull(id, "id");
        if (name == null) throw new UserKitException(ErrorCode.WRONG_ROLE_NAME);
        TextRules.check(name, "Role name", Limits.ROLE_NAME, Lines.SINGLE, ErrorCode.WRONG_ROLE_NAME);
        description = description == null ? ""
                : TextRules.check(description, "Description", Limits.ROLE_DESCRIPTION, Lines.MULTI, ErrorCode.INVALID_ARGUMENT);
        if (permissions != null && permissions.stream().anyMatch(Objects::isNull)) throw new UserKitException(ErrorCode.INVALID_PATTERN);
        permissions = permissions == null ? List.of() : withIds(id, permissions);
    }

    /** Gives each permission without an id its {@link Permission#legacyId}. */
    private static List<Permission> withIds(RoleId id, List<Permission> permissions) {
        return permissions.stream().map(p -> p.id() != null ? p : p.withId(Permission.legacyId(id, p.name()))).toList();
    }

    /**
     * Checks the syntax of a role name given to the services.
     *
     * @param name the role name as given
     * @return the same name
     * @throws UserKitException WRONG_ROLE_NAME (701) unless it matches {@link #NAME}
     */
    public static String checkName(String name) {
        if (name == null || name.length() > Limits.ROLE_NAME || !NAME.matcher(name).matches()) {
            throw new UserKitException(ErrorCode.WRONG_ROLE_NAME);
        }
        return name;
    }
}
