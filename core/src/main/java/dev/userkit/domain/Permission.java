package dev.userkit.domain;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One permission of a role (R2): a stable id (R6, umpack's {@code actionId}), a name, an Ant-style
 * path pattern ({@code *} within one segment, {@code **} any number of segments) and the verbs it
 * allows. The id, the name and the caps are checked here; the pattern's syntax is checked by the
 * access-control service, which owns the matcher.
 *
 * <p>The id is null only until the permission belongs to a role: {@link Role} gives a permission
 * without one the id {@link #legacyId} derives from the role's id and the permission's name (so a
 * permission stored before ids existed reads with the same id every time, and keeps it from its next
 * write on), and the access-control service gives a new permission a random one. A rename keeps the id.
 *
 * @param id the stable id within its role: 1 to 64 of {@code [A-Za-z0-9_-]}, or null when not yet assigned
 * @param name a name unique within the role: 1 to {@link Limits#PERMISSION_NAME} characters of {@code [A-Za-z0-9_.:-]}
 * @param pattern the path pattern, starting with '/', at most {@link Limits#PATH} characters
 * @param verbs the allowed verbs; the service refuses an empty set
 */
public record Permission(String id, String name, String pattern, Set<Verb> verbs) {
    /** Allowed permission names. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1," + Limits.PERMISSION_NAME + "}");
    /** Allowed permission ids. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * Checks the id, the name, the pattern's presence and size, and copies the verbs.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param pattern see {@link #pattern()}
     * @param verbs see {@link #verbs()}
     * @throws UserKitException INVALID_PATTERN (703) for a malformed id, a null or malformed name, a null, over-long
     *         or malformed pattern text, or a null verb
     */
    public Permission {
        if (id != null && !ID.matcher(id).matches()) throw invalid("A permission id has 1 to 64 of A-Z, a-z, 0-9, _ and -");
        if (name == null || name.length() > Limits.PERMISSION_NAME || !NAME.matcher(name).matches()) {
            throw invalid("A permission name has 1 to " + Limits.PERMISSION_NAME + " of A-Z, a-z, 0-9 and _.:-");
        }
        if (pattern == null || pattern.length() > Limits.PATH || !TextRules.isWellFormed(pattern)) {
            throw invalid("A path pattern is required, of at most " + Limits.PATH + " well-formed characters");
        }
        if (verbs != null) {
            for (Verb v : verbs) {
                if (v == null) throw invalid("A permission's verbs may not hold null");
            }
        }
        verbs = verbs == null || verbs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(verbs));
    }

    /**
     * A permission without an id yet: its role gives it one (see the class comment).
     *
     * @param name see {@link #name()}
     * @param pattern see {@link #pattern()}
     * @param verbs see {@link #verbs()}
     * @throws UserKitException as the canonical constructor
     */
    public Permission(String name, String pattern, Set<Verb> verbs) {
        this(null, name, pattern, verbs);
    }

    /**
     * The same permission with another id.
     *
     * @param newId the id
     * @return a copy with that id
     */
    public Permission withId(String newId) {
        return new Permission(newId, name, pattern, verbs);
    }

    /**
     * The id of a permission stored without one: a name-based UUID of the role's id and the
     * permission's name, the same at every read, so an older store needs no migration.
     *
     * @param role the role's id
     * @param name the permission's name
     * @return the derived id
     */
    public static String legacyId(RoleId role, String name) {
        return UUID.nameUUIDFromBytes(("userkit-permission:" + role.value() + ":" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static UserKitException invalid(String what) {
        return new UserKitException(ErrorCode.INVALID_PATTERN, what);
    }
}
