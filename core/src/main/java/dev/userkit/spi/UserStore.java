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
    /**
     * Inserts a new user; a taken username key, username skeleton, email key or phone throws {@link DuplicateKeyException}.
     *
     * @param user the new user with its password hash, as {@link UserRecord#created} makes it
     */
    void insert(UserRecord user);

    /**
     * The user with this id, or empty.
     *
     * @param id the user's id
     * @return the user, or empty
     */
    Optional<UserRecord> findById(UserId id);

    /**
     * The user whose {@code Username.key()} equals {@code key} exactly (binary comparison), or empty.
     *
     * @param key the canonical username key
     * @return the user, or empty
     */
    Optional<UserRecord> findByUsernameKey(String key);

    /**
     * The user whose {@code Email.key()} equals {@code key} exactly, or empty.
     *
     * @param key the canonical email key
     * @return the user, or empty
     */
    Optional<UserRecord> findByEmailKey(String key);

    /**
     * The user with this E.164 phone number, or empty.
     *
     * @param phone the phone number in E.164 form
     * @return the user, or empty
     */
    Optional<UserRecord> findByPhone(String phone);

    /**
     * Replaces the stored user with {@code next} if the stored version is {@code next.version() - 1};
     * returns false (and changes nothing) if it is not, or if the user is gone. A clash with
     * another user's username key or skeleton, email or phone throws {@link DuplicateKeyException}.
     *
     * @param next the user as it is to be stored, with the version after the stored one
     * @return true if the user was replaced
     */
    boolean update(UserRecord next);

    /**
     * Deletes the user; true if it existed. Related records are the services' job (the SQL stores
     * also cascade to the user's sessions, codes, grants and devices by foreign key, as a backstop).
     *
     * @param id the user's id
     * @return true if the user existed
     */
    boolean delete(UserId id);

    /**
     * A page of users in ascending id order, filtered as the query says.
     *
     * @param query the filter, cursor and page size
     * @return the page of matching users
     */
    List<UserRecord> list(UserQuery query);

    /**
     * Ids of PENDING users created strictly before {@code cutoff}, ascending, at most {@code limit} (A16).
     *
     * @param cutoff the instant the users must have been created before
     * @param limit the most ids to return
     * @return the ids of those PENDING users, ascending
     */
    List<UserId> findPendingCreatedBefore(Instant cutoff, int limit);
}
