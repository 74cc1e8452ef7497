package dev.userkit.domain;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One permission of a role (R2): a name, an Ant-style path pattern ({@code *} within one
 * segment, {@code **} any number of segments) and the verbs it allows. Validation of the pattern
 * happens in the access-control service, which owns the matcher.
 *
 * @param name a name unique within the role
 * @param pattern the path pattern, starting with '/'
 * @param verbs the allowed verbs, never empty
 */
public record Permission(String name, String pattern, Set<Verb> verbs) {
    /** Copies the verbs. */
    public Permission {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
        verbs = verbs == null || verbs.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(verbs));
    }
}
