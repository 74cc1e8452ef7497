package dev.userkit.spi;

import dev.userkit.domain.User;
import java.util.Objects;

/**
 * A user as a store keeps it: the public view, the password hash, an optimistic version and the
 * security stamp.
 *
 * <p>The security stamp (SEC-27) is a counter that every credential change (new password, reset,
 * deactivation, "sign out everywhere") raises in the same write as the change itself. Each session
 * carries the stamp its user had when the password was checked, and validation compares the two:
 * a login that raced a password change therefore cannot leave a session that outlives the change,
 * however its steps interleave, and revoking every session is one atomic write.
 *
 * @param user the public view
 * @param passwordHash the encoded hash (PHC or modular crypt form), never a password
 * @param version starts at 0 on insert; each successful {@link UserStore#update} adds one
 * @param securityStamp starts at 0 on insert; stored and returned exactly as given
 */
public record UserRecord(User user, String passwordHash, long version, long securityStamp) {
    /**
     * Checks required fields.
     *
     * @param user see {@link #user()}
     * @param passwordHash see {@link #passwordHash()}
     * @param version see {@link #version()}
     * @param securityStamp see {@link #securityStamp()}
     */
    public UserRecord {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    /**
     * A record about to be inserted: version 0, stamp 0.
     *
     * @param user the new user
     * @param passwordHash the hash of its password
     * @return the record to insert
     */
    public static UserRecord created(User user, String passwordHash) {
        return new UserRecord(user, passwordHash, 0, 0);
    }

    /**
     * The next version of this record with another user view; the stamp is kept.
     *
     * @param changed the user as it is to be stored
     * @return the next version of the record
     */
    public UserRecord next(User changed) {
        return new UserRecord(changed, passwordHash, version + 1, securityStamp);
    }

    /**
     * The next version of this record with another hash of the same password (a re-hash, SEC-05); the stamp is kept.
     *
     * @param hash the new hash
     * @return the next version of the record
     */
    public UserRecord nextWithHash(String hash) {
        return new UserRecord(user, hash, version + 1, securityStamp);
    }

    /**
     * This record with the security stamp raised by one, so that every session issued before
     * stops validating (SEC-27). Applied to a {@code next...} record: the version is not raised again.
     *
     * @return the record with the raised stamp
     */
    public UserRecord endingSessions() {
        return new UserRecord(user, passwordHash, version, securityStamp + 1);
    }
}
