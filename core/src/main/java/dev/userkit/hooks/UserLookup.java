package dev.userkit.hooks;

import dev.userkit.domain.UserId;
import java.util.Optional;

/**
 * A custom way to find the user a login identifier names (H2): login by another field, such as
 * an employee number kept in metadata. Consulted before the username and email lookups; empty
 * falls through to them.
 */
@FunctionalInterface
public interface UserLookup {
    /** The default finds nothing, so username and email are used. */
    UserLookup NONE = identifier -> Optional.empty();

    /**
     * The id of the user this identifier names, or empty.
     *
     * @param identifier what the user typed to log in or recover
     * @return the user's id, or empty to fall back to username or email
     */
    Optional<UserId> find(String identifier);
}
