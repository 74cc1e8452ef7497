package dev.userkit.testkit;

import dev.userkit.PasswordHashing;
import dev.userkit.domain.Email;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import dev.userkit.passwords.PasswordHasher;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserRecord;
import java.time.Instant;
import java.util.Map;

/**
 * Puts users straight into a store, for tests of login, sessions and roles that should not
 * depend on registration. Hashes are made with the hasher given (usually {@link #productionHasher()}).
 */
public final class TestUsers {
    /** When the inserted users were created: the start of {@link MutableClock#standard()}. */
    public static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static volatile PasswordHasher production;

    private TestUsers() {}

    /**
     * A shared hasher with production Argon2id parameters (SEC-04).
     *
     * @return the hasher
     */
    public static PasswordHasher productionHasher() {
        PasswordHasher h = production;
        if (h == null) {
            synchronized (TestUsers.class) {
                if (production == null) production = new PasswordHasher(PasswordHashing.PRODUCTION, 4);
                h = production;
            }
        }
        return h;
    }

    /**
     * Inserts an ACTIVE, non-admin user with this password and returns it.
     *
     * @param stores the stores to insert into
     * @param hasher hashes the password
     * @param username the username as entered
     * @param email the email as entered
     * @param password the password
     * @return the inserted user
     */
    public static User insertActive(Stores stores, PasswordHasher hasher, String username, String email, String password) {
        return insert(stores, hasher.hash(password), username, email, UserStatus.ACTIVE, false, Map.of());
    }

    /**
     * Inserts a user with a given status, admin flag and metadata and returns it.
     *
     * @param stores the stores to insert into
     * @param hasher hashes the password
     * @param username the username as entered
     * @param email the email as entered
     * @param password the password
     * @param status the user's status
     * @param admin the admin flag
     * @return the inserted user
     */
    public static User insert(Stores stores, PasswordHasher hasher, String username, String email, String password,
                              UserStatus status, boolean admin) {
        return insert(stores, hasher.hash(password), username, email, status, admin, Map.of());
    }

    /**
     * Inserts a user with an already encoded password hash (for re-hash and import tests) and returns it.
     *
     * @param stores the stores to insert into
     * @param passwordHash the encoded password hash to store
     * @param username the username as entered
     * @param email the email as entered
     * @param status the user's status
     * @param admin the admin flag
     * @param metadata the metadata object
     * @return the inserted user
     */
    public static User insert(Stores stores, String passwordHash, String username, String email, UserStatus status,
                              boolean admin, Map<String, Object> metadata) {
        User user = Fixtures.aUser(username, CREATED).email(Email.of(email)).status(status).admin(admin).metadata(metadata)
                .build();
        stores.users().insert(UserRecord.created(user, passwordHash));
        return user;
    }
}
