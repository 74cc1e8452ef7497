package dev.userkit.domain;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One permission of a role (R2): a name, an Ant-style path pattern ({@code *} within one
 * segment, {@code **} any number of segments) and the verbs it allows. The name and the caps are
 * checked here; the pattern's syntax is checked by the access-control service, which owns the matcher.
 *
 * @param name a name unique within the role: 1 to {@link Limits#PERMISSION_NAME} characters of {@code [A-Za-z0-9_.:-]}
 * @param pattern the path pattern, starting with '/', at most {@link Limits#PATH} characters
 * @param verbs the allowed verbs; the service refuses an empty set
 */
public record Permission(String name, String pattern, Set<Verb> verbs) {
    /** Allowed permission names. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.:-]{1," + Limits.PERMISSION_NAME + "}");

    /**
     * Checks the name, the pattern's presence and size, and copies the verbs.
     *
     * @param name see {@link #name()}
     * @param pattern see {@link #pattern()}
     * @param verbs see {@link #verbs()}
     * @throws UserKitException INVALID_PATTERN (703) for a null or malformed name, a null, over-long
     *         or malformed pattern text, or a null verb
     */
    public Permission {
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

    private static UserKitException invalid(String what) {
        return new UserKitException(ErrorCode.INVALID_PATTERN, what);
    }
}
