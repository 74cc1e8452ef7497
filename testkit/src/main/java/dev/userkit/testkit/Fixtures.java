package dev.userkit.testkit;

import dev.userkit.crypto.Secrets;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.Device;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.Email;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.JsonValues;
import dev.userkit.domain.Permission;
import dev.userkit.domain.Profile;
import dev.userkit.domain.Role;
import dev.userkit.domain.Session;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Username;
import dev.userkit.domain.Verb;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.DeviceRecord;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserRecord;
import dev.userkit.spi.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The one place tests make users, sessions, codes, roles and devices: the port contracts, the
 * feature tests' helpers and every store module's own tests. Records are valid, distinct (fresh ids
 * and hashes each call) and complete enough that a round trip compares every field.
 *
 * <p>{@link #aUser} and {@link #aSession} return builders preset with such values, so a test
 * names only the fields it is about ({@code aUser("ada", at).phone(p).build()}) and a new field
 * of a record is set here, once, instead of at every test that makes one.
 */
public final class Fixtures {
    /** A fixed instant, a whole millisecond, for tests that run without a clock. */
    public static final Instant AT = Instant.parse("2026-01-01T10:00:00.123Z");
    /** A syntactically valid Argon2id hash; stores treat it as an opaque string. */
    public static final String PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";
    /** Strings that break naive quoting or query building in some store. */
    public static final List<String> EXOTIC_STRINGS = List.of(
            "' OR 1=1 --", "Robert'); DROP TABLE users;--", "quote \" and back\\slash", "$ne", "a.b.c",
            "{\"$ne\": null}", "Grüße, 日本語, emoji 🎉", "line\nbreak\ttab", "%_*?[]", "");

    /** When {@link #owner} users were created; no contract looks at it. */
    private static final Instant OWNER_CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private Fixtures() {}

    /**
     * The clock's instant moved into the middle of a second and cut to whole milliseconds: the
     * precision every store must keep (sub-millisecond digits are not part of the contract).
     *
     * @param clock the test's clock
     * @return a whole-millisecond instant near the clock's
     */
    public static Instant millisNow(Clock clock) {
        return clock.instant().plusMillis(987).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * An ACTIVE, non-admin user with a fresh id, this username and email {@code key@example.com},
     * no phone, an empty profile and no metadata, created and updated at {@code at}.
     *
     * @param username the username
     * @param at when created and last updated
     * @return a builder to change what the test is about
     */
    public static User.Builder aUser(Username username, Instant at) {
        return User.builder().id(IdGenerator.userId()).username(username).email(Email.of(username.key() + "@example.com"))
                .status(UserStatus.ACTIVE).createdAt(at).updatedAt(at);
    }

    /**
     * As {@link #aUser(Username, Instant)} with a case-insensitive username {@code name}.
     *
     * @param name the username
     * @param at when created and last updated
     * @return a builder to change what the test is about
     */
    public static User.Builder aUser(String name, Instant at) {
        return aUser(Username.of(name, false), at);
    }

    /**
     * A user at {@link #AT} with every optional field but the phone set (a profile, one metadata
     * field and the language de-AT): for a store's own mapping tests, where an empty field would hide a column that is
     * lost. No phone, because phones are unique.
     *
     * @param name the username
     * @return a builder to change what the test is about
     */
    public static User.Builder aSampleUser(String name) {
        return aUser(name, AT).profile(Profile.builder().firstName("Ada").lastName("Lovelace").build())
                .metadata(Map.of("plan", "gold")).locale(Locale.forLanguageTag("de-AT"));
    }

    /**
     * A session of {@code user} with a fresh id, created and last seen at {@code at}, idle end one
     * hour and absolute end one day later, no data and no device.
     *
     * @param user the user, or null for an anonymous session
     * @param at when created
     * @return a builder to change what the test is about
     */
    public static Session.Builder aSession(UserId user, Instant at) {
        return Session.builder().id(IdGenerator.sessionId()).userId(user).createdAt(at).lastSeenAt(at)
                .idleExpiresAt(at.plus(Duration.ofHours(1))).absoluteExpiresAt(at.plus(Duration.ofDays(1)));
    }

    /**
     * A record about to be inserted: {@code user} with {@link #PASSWORD_HASH}, version 0, stamp 0.
     *
     * @param user the user
     * @return the record
     */
    public static UserRecord record(User user) {
        return UserRecord.created(user, PASSWORD_HASH);
    }

    /**
     * A record of {@code session} with this token hash and security stamp 0.
     *
     * @param session the session
     * @param tokenHash the token hash to store
     * @return the record
     */
    public static SessionRecord record(Session session, String tokenHash) {
        return new SessionRecord(session, tokenHash, 0);
    }

    /**
     * A record of {@code session} with a fresh token hash and security stamp 0.
     *
     * @param session the session
     * @return the record
     */
    public static SessionRecord record(Session session) {
        return record(session, tokenHash());
    }

    /**
     * The record of {@link #aUser(String, Instant)} as it stands.
     *
     * @param name the username
     * @param at when created
     * @return a record about to be inserted
     */
    public static UserRecord user(String name, Instant at) {
        return record(aUser(name, at).build());
    }

    /**
     * The record of {@link #aSampleUser} as it stands.
     *
     * @param name the username
     * @return a record about to be inserted
     */
    public static UserRecord sampleUser(String name) {
        return record(aSampleUser(name).build());
    }

    /**
     * The record of {@link #aUser(Username, Instant)} as it stands.
     *
     * @param username the username
     * @param at when created
     * @return a record about to be inserted
     */
    public static UserRecord userWith(Username username, Instant at) {
        return record(aUser(username, at).build());
    }

    /**
     * A user as {@link #user(String, Instant)} carrying {@code metadata}, normalised as the services store it.
     *
     * @param name the username
     * @param at when created
     * @param metadata the JSON object
     * @return a record about to be inserted
     */
    public static UserRecord userWithMetadata(String name, Instant at, Map<String, ?> metadata) {
        return record(aUser(name, at).metadata(JsonValues.object(metadata)).build());
    }

    /**
     * {@code r} after inserting it into {@code users}, so a test builds and stores a record in one expression.
     *
     * @param users the store
     * @param r the record to insert
     * @return {@code r}
     */
    public static UserRecord stored(UserStore users, UserRecord r) {
        users.insert(r);
        return r;
    }

    /**
     * Inserts a fresh user and returns its id: sessions, codes, grants and devices belong to a user
     * that exists (a SQL store refuses an unknown one by foreign key).
     *
     * @param stores where to insert the user
     * @return the new user's id
     */
    public static UserId owner(Stores stores) {
        UserRecord r = user("owner-" + IdGenerator.userId().value(), OWNER_CREATED);
        stores.users().insert(r);
        return r.user().id();
    }

    /**
     * The same record with a changed user view, keeping the hash, version and stamp.
     *
     * @param r the record
     * @param change what to change in its user
     * @return the changed record
     */
    public static UserRecord changed(UserRecord r, UnaryOperator<User> change) {
        return new UserRecord(change.apply(r.user()), r.passwordHash(), r.version(), r.securityStamp());
    }

    /**
     * A fresh SHA-256 token hash, as sessions, codes and devices store them.
     *
     * @return base64url of a fresh token's SHA-256
     */
    public static String tokenHash() {
        return Secrets.sha256(Secrets.newToken());
    }

    /**
     * A session record of {@code user} created at {@code at}, with the given ends.
     *
     * @param user the user, or null for an anonymous session
     * @param at when created
     * @param idleEnd the idle end
     * @param absoluteEnd the absolute end
     * @param device the device, or null
     * @return a record with a fresh token hash
     */
    public static SessionRecord session(UserId user, Instant at, Instant idleEnd, Instant absoluteEnd, DeviceId device) {
        return record(aSession(user, at).idleExpiresAt(idleEnd).absoluteExpiresAt(absoluteEnd).deviceId(device).build());
    }

    /**
     * The record of {@link #aSession} under this token hash.
     *
     * @param user the user, or null for an anonymous session
     * @param at when created
     * @param tokenHash the token hash to store
     * @return a record with security stamp 0
     */
    public static SessionRecord session(UserId user, Instant at, String tokenHash) {
        return record(aSession(user, at).build(), tokenHash);
    }

    /**
     * The record of {@link #aSession} as it stands.
     *
     * @param user the user, or null for an anonymous session
     * @param at when created
     * @return a record with a fresh token hash
     */
    public static SessionRecord session(UserId user, Instant at) {
        return record(aSession(user, at).build());
    }

    /**
     * A session whose earlier end ({@code Session.expiresAt()}) is exactly {@code expiresAt}.
     *
     * @param user the user
     * @param expiresAt the idle end, one day before the absolute end
     * @param device the device, or null
     * @return a record with a fresh token hash
     */
    public static SessionRecord sessionExpiringAt(UserId user, Instant expiresAt, DeviceId device) {
        Instant created = expiresAt.minus(Duration.ofHours(2));
        return session(user, created, expiresAt, expiresAt.plus(Duration.ofDays(1)), device);
    }

    /**
     * A code of {@code user} for {@code purpose} under this hash, issued at {@code at}, valid for 15 minutes.
     *
     * @param user the user
     * @param purpose what the code is for
     * @param at when issued
     * @param hash the code hash to store
     * @return the code record
     */
    public static CodeRecord code(UserId user, CodePurpose purpose, Instant at, String hash) {
        return new CodeRecord(hash, user, purpose, null, at, at.plus(Duration.ofMinutes(15)), 0);
    }

    /**
     * As {@link #code(UserId, CodePurpose, Instant, String)} under a fresh hash.
     *
     * @param user the user
     * @param purpose what the code is for
     * @param at when issued
     * @return the code record
     */
    public static CodeRecord code(UserId user, CodePurpose purpose, Instant at) {
        return code(user, purpose, at, tokenHash());
    }

    /**
     * A role with a fresh id and one permission.
     *
     * @param name the role's name
     * @return the role record, version 0
     */
    public static RoleRecord role(String name) {
        Permission p = new Permission("read-all", "/api/**", EnumSet.of(Verb.GET, Verb.POST));
        return new RoleRecord(new Role(IdGenerator.roleId(), name, "role " + name, List.of(p)), 0);
    }

    /**
     * A permitted device of {@code user} under this token hash, first seen at {@code at}.
     *
     * @param user the user
     * @param at when first and last used
     * @param tokenHash the device token hash to store
     * @return the device record
     */
    public static DeviceRecord device(UserId user, Instant at, String tokenHash) {
        return new DeviceRecord(new Device(IdGenerator.deviceId(), user, true, "Mozilla/5.0 (X11)", at, at), tokenHash);
    }

    /**
     * As {@link #device(UserId, Instant, String)} under a fresh token hash.
     *
     * @param user the user
     * @param at when first and last used
     * @return the device record
     */
    public static DeviceRecord device(UserId user, Instant at) {
        return device(user, at, tokenHash());
    }
}
