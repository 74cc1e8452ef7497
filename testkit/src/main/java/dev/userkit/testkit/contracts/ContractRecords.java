package dev.userkit.testkit.contracts;

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
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Builds the records the port contracts store: valid, distinct (fresh ids and hashes each call)
 * and complete enough that a round trip compares every field.
 */
public final class ContractRecords {
    /** A syntactically valid Argon2id hash; stores treat it as an opaque string. */
    public static final String PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";
    /** Strings that break naive quoting or query building in some store. */
    public static final List<String> EXOTIC_STRINGS = List.of(
            "' OR 1=1 --", "Robert'); DROP TABLE users;--", "quote \" and back\\slash", "$ne", "a.b.c",
            "{\"$ne\": null}", "Grüße, 日本語, emoji 🎉", "line\nbreak\ttab", "%_*?[]", "");

    /** When {@link #owner} users were created; no contract looks at it. */
    private static final Instant OWNER_CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private ContractRecords() {}

    /**
     * The clock's instant moved into the middle of a second and cut to whole milliseconds: the
     * precision every store must keep (sub-millisecond digits are not part of the contract).
     *
     * @param clock the test's clock
     * @return the instant
     */
    public static Instant millisNow(Clock clock) {
        return clock.instant().plusMillis(987).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * An ACTIVE user named {@code name} (case-insensitive key) with email {@code name@example.com}.
     *
     * @param name the username
     * @param at the creation and update instant
     * @return the record, not yet stored
     */
    public static UserRecord user(String name, Instant at) {
        return userWith(Username.of(name, false), at);
    }

    /**
     * An ACTIVE user with this username and email {@code key@example.com}.
     *
     * @param username the username
     * @param at the creation and update instant
     * @return the record, not yet stored
     */
    public static UserRecord userWith(Username username, Instant at) {
        User u = new User(IdGenerator.userId(), username, Email.of(username.key() + "@example.com"), null,
                Profile.EMPTY, Map.of(), false, UserStatus.ACTIVE, at, at);
        return UserRecord.created(u, PASSWORD_HASH);
    }

    /**
     * An ACTIVE user as {@link #user} carrying {@code metadata}, normalised as the services store it.
     *
     * @param name the username
     * @param at the creation and update instant
     * @param metadata the metadata object
     * @return the record, not yet stored
     */
    public static UserRecord userWithMetadata(String name, Instant at, Map<String, ?> metadata) {
        return changed(user(name, at), u -> u.withMetadata(JsonValues.object(metadata), u.updatedAt()));
    }

    /**
     * {@code r} after inserting it into {@code users}, so a test builds and stores a record in one expression.
     *
     * @param users the user store
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
     * @param stores the stores to insert into
     * @return the new user's id
     */
    public static UserId owner(Stores stores) {
        UserRecord r = user("owner-" + IdGenerator.userId().value(), OWNER_CREATED);
        stores.users().insert(r);
        return r.user().id();
    }

    /**
     * The same record with a changed user view, keeping the hash and version.
     *
     * @param r the record
     * @param change makes the new user view from the old one
     * @return the changed record
     */
    public static UserRecord changed(UserRecord r, UnaryOperator<User> change) {
        return new UserRecord(change.apply(r.user()), r.passwordHash(), r.version(), r.securityStamp());
    }

    /**
     * A fresh SHA-256 token hash, as sessions, codes and devices store them.
     *
     * @return the hash
     */
    public static String tokenHash() {
        return Secrets.sha256(Secrets.newToken());
    }

    /**
     * A session of {@code user} (null: anonymous) created at {@code at}, with the given ends.
     *
     * @param user the owner, or null
     * @param at the creation and last-seen instant
     * @param idleEnd the idle expiry
     * @param absoluteEnd the absolute expiry
     * @param device the device the session started from, or null
     * @return the record, not yet stored
     */
    public static SessionRecord session(UserId user, Instant at, Instant idleEnd, Instant absoluteEnd, DeviceId device) {
        Session s = new Session(IdGenerator.sessionId(), user, at, at, idleEnd, absoluteEnd, Map.of(), device);
        return new SessionRecord(s, tokenHash(), 0);
    }

    /**
     * A user's session created at {@code at}, idle end one hour and absolute end one day later.
     *
     * @param user the owner
     * @param at the creation and last-seen instant
     * @return the record, not yet stored
     */
    public static SessionRecord session(UserId user, Instant at) {
        return session(user, at, at.plus(Duration.ofHours(1)), at.plus(Duration.ofDays(1)), null);
    }

    /**
     * A session whose earlier end ({@code Session.expiresAt()}) is exactly {@code expiresAt}.
     *
     * @param user the owner, or null
     * @param expiresAt the session's expiry
     * @param device the device the session started from, or null
     * @return the record, not yet stored
     */
    public static SessionRecord sessionExpiringAt(UserId user, Instant expiresAt, DeviceId device) {
        Instant created = expiresAt.minus(Duration.ofHours(2));
        return session(user, created, expiresAt, expiresAt.plus(Duration.ofDays(1)), device);
    }

    /**
     * A code of {@code user} for {@code purpose}, issued at {@code at}, valid for 15 minutes.
     *
     * @param user the owner
     * @param purpose what the code is for
     * @param at the issue instant
     * @return the record, not yet stored
     */
    public static CodeRecord code(UserId user, CodePurpose purpose, Instant at) {
        return new CodeRecord(tokenHash(), user, purpose, null, at, at.plus(Duration.ofMinutes(15)), 0);
    }

    /**
     * A role with one permission.
     *
     * @param name the role's name
     * @return the record, not yet stored
     */
    public static RoleRecord role(String name) {
        Permission p = new Permission("read-all", "/api/**", EnumSet.of(Verb.GET, Verb.POST));
        return new RoleRecord(new Role(IdGenerator.roleId(), name, "role " + name, List.of(p)), 0);
    }

    /**
     * A permitted device of {@code user} first seen at {@code at}.
     *
     * @param user the owner
     * @param at the first-seen and last-used instant
     * @return the record, not yet stored
     */
    public static DeviceRecord device(UserId user, Instant at) {
        return new DeviceRecord(new Device(IdGenerator.deviceId(), user, true, "Mozilla/5.0 (X11)", at, at), tokenHash());
    }
}
