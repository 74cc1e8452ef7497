package dev.userkit.spi;

import dev.userkit.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persists accounts. Every method is atomic by itself. Uniqueness of the username key, the
 * username skeleton (when not null; it makes look-alike names duplicates, SEC-23), the email key
 * and the phone (when not null) is enforced by the store itself (unique indexes), never by a
 * check before the write. A store keeps the skeleton it was given and returns it as it was.
 */
public interface UserStore {
    /** Inserts a new user; a taken username key, username skeleton, email key or phone throws {@link DuplicateKeyException}. */
    void insert(UserRecord user);

    /** The user with this id, or empty. */
    Optional<UserRecord> findById(UserId id);

    /** The user whose {@code Username.key()} equals {@code key} exactly (binary comparison), or empty. */
    Optional<UserRecord> findByUsernameKey(String key);

    /** The user whose {@code Email.key()} equals {@code key} exactly, or empty. */
    Optional<UserRecord> findByEmailKey(String key);

    /** The user with this E.164 phone number, or empty. */
    Optional<UserRecord> findByPhone(String phone);

    /**
     * Replaces the stored user with {@code next} if the stored version is {@code next.version() - 1};
     * returns false (and changes nothing) if it is not, or if the user is gone. A clash with
     * another user's username key or skeleton, email or phone throws {@link DuplicateKeyException}.
     */
    boolean update(UserRecord next);

    /**
     * Deletes the user; true if it existed. Related records are the services' job (the SQL stores
     * also cascade to the user's sessions, codes, grants and devices by foreign key, as a backstop).
     */
    boolean delete(UserId id);

    /** A page of users in ascending id order, filtered as the query says. */
    List<UserRecord> list(UserQuery query);

    /** Ids of PENDING users created strictly before {@code cutoff}, ascending, at most {@code limit} (A16). */
    List<UserId> findPendingCreatedBefore(Instant cutoff, int limit);
}
