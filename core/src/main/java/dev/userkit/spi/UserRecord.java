package dev.userkit.spi;

import dev.userkit.domain.User;
import java.util.Objects;

/**
 * A user as a store keeps it: the public view, the password hash and an optimistic version.
 *
 * @param user the public view
 * @param passwordHash the encoded hash (PHC or modular crypt form), never a password
 * @param version starts at 0 on insert; each successful {@link UserStore#update} adds one
 */
public record UserRecord(User user, String passwordHash, long version) {
    /** Checks required fields. */
    public UserRecord {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    /** The next version of this record with another user view. */
    public UserRecord next(User changed) {
        return new UserRecord(changed, passwordHash, version + 1);
    }

    /** The next version of this record with another password hash. */
    public UserRecord nextWithHash(String hash) {
        return new UserRecord(user, hash, version + 1);
    }
}
