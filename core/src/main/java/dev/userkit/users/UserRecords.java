package dev.userkit.users;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.domain.Email;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Username;
import dev.userkit.hooks.UserLookup;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.UserRecord;
import dev.userkit.spi.UserStore;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads and changes user records for the services: lookups by identifier, and optimistic updates
 * retried when another writer got there first (A9). A unique-key clash becomes USER_EXISTS (602).
 */
public final class UserRecords {
    private static final int MAX_TRIES = 10;
    private final UserStore users;
    private final boolean caseSensitive;
    private final UserLookup lookup;

    /**
     * Over this store, with the configured username case sensitivity and the application's lookup hook.
     *
     * @param users the user store read and written
     * @param caseSensitive whether usernames are compared case-sensitively
     * @param lookup the application's hook resolving a sign-in identifier to a user id
     */
    public UserRecords(UserStore users, boolean caseSensitive, UserLookup lookup) {
        this.users = users;
        this.caseSensitive = caseSensitive;
        this.lookup = lookup;
    }

    /**
     * The user with this id.
     *
     * @param id the user's id
     * @return the user's record
     * @throws UserKitException USER_NOT_FOUND (605), INVALID_ARGUMENT for a null id
     */
    public UserRecord require(UserId id) {
        if (id == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "User id is required");
        return users.findById(id).orElseThrow(() -> new UserKitException(ErrorCode.USER_NOT_FOUND));
    }

    /**
     * The user named by a username or an email (one argument, A4); malformed input finds nobody.
     *
     * @param usernameOrEmail a username or an email, told apart by their form
     * @return the user's record, or empty
     */
    public Optional<UserRecord> find(String usernameOrEmail) {
        if (usernameOrEmail == null) return Optional.empty();
        try {
            return Email.looksLikeEmail(usernameOrEmail)
                    ? users.findByEmailKey(Email.of(usernameOrEmail).key())
                    : users.findByUsernameKey(Username.of(usernameOrEmail, caseSensitive).key());
        } catch (UserKitException malformed) {
            return Optional.empty();
        }
    }

    /**
     * The user a sign-in identifier names, as login and recovery read it: the application's
     * {@link UserLookup} first (H2), then {@link #find username or email}. Malformed input finds nobody.
     *
     * @param identifier what the user typed to sign in
     * @return the user's record, or empty
     */
    public Optional<UserRecord> findByIdentifier(String identifier) {
        if (identifier == null) return Optional.empty();
        Optional<UserRecord> custom = lookup.find(identifier).flatMap(users::findById);
        return custom.isPresent() ? custom : find(identifier);
    }

    /**
     * Applies {@code change} to the current record and stores the result (whose version must be
     * the current one plus one, as {@link UserRecord#next} gives), re-reading and retrying when a
     * concurrent writer changed the record meanwhile. A change that returns the record it was
     * given writes nothing.
     *
     * @param id the user's id
     * @param change makes the next record from the current one
     * @return the record as stored
     * @throws UserKitException USER_NOT_FOUND (605), USER_EXISTS (602) on a taken username, email
     *         or phone, CONCURRENT_UPDATE (1013) after repeated clashes, or whatever {@code change} throws
     */
    public UserRecord modify(UserId id, UnaryOperator<UserRecord> change) {
        for (int i = 0; i < MAX_TRIES; i++) {
            UserRecord current = require(id);
            UserRecord next = change.apply(current);
            if (next == current) return current;
            try {
                if (users.update(next)) return next;
            } catch (DuplicateKeyException e) {
                throw new UserKitException(ErrorCode.USER_EXISTS);
            }
        }
        throw new UserKitException(ErrorCode.CONCURRENT_UPDATE);
    }
}
