package dev.userkit.testkit.contracts;

import static dev.userkit.testkit.Fixtures.aSession;
import static dev.userkit.testkit.Fixtures.millisNow;
import static dev.userkit.testkit.Fixtures.owner;
import static dev.userkit.testkit.Fixtures.role;
import static dev.userkit.testkit.Fixtures.session;
import static dev.userkit.testkit.Fixtures.sessionExpiringAt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.domain.Permission;
import dev.userkit.domain.Phone;
import dev.userkit.domain.Role;
import dev.userkit.domain.Session;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Verb;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.SessionAccess;
import dev.userkit.spi.SessionReads;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionWithUser;
import dev.userkit.spi.UserRecord;
import dev.userkit.testkit.Fixtures;
import dev.userkit.testkit.StoreFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@link SessionReads} contract, on the bundle's {@code sessionReads()} (the store's own, a join
 * on SQL, or the composed default): one test per sentence of its javadoc and of
 * {@link SessionWithUser} and {@link SessionAccess}.
 *
 * <p>If a test fails, check: the user's view is mapped exactly as {@code UserStore.findById} maps it
 * (every field, status and admin flag included); the stamp read is the user's current
 * {@code security_stamp}, not the session's; an anonymous session joins no user (stamp 0, no roles);
 * the roles are the user's grants joined to their roles in {@code rolesOf}'s order (by name,
 * binary), as they are now: a revoked grant or a role's changed permissions show in the very next
 * read (no cache that a write does not clear). A join that yields one row per role must still answer
 * one session, and a user without roles must still yield the session (an outer join).
 * {@code findWithRoles} answers {@link SessionAccess#of} of what {@code findWithUser} answers: a
 * narrow read that swaps the session's and the user's stamps, or reads the session's idle end where
 * its absolute end belongs, fails here.
 */
public abstract class SessionReadsContract extends StoreFixture {
    private SessionReads reads() {
        return stores.sessionReads();
    }

    private SessionRecord inserted(SessionRecord r) {
        stores.sessions().insert(r);
        return r;
    }

    private UserId userWithStamp(long stamp) {
        UserRecord created = Fixtures.record(Fixtures.aSampleUser("reader").phone(Phone.of("+4915112345678")).admin(true)
                .status(UserStatus.DISABLED).build());
        stores.users().insert(new UserRecord(created.user(), created.passwordHash(), 0, stamp));
        return created.user().id();
    }

    private RoleRecord insertedRole(String name) {
        RoleRecord r = role(name);
        stores.roles().insert(r);
        return r;
    }

    @Test
    @DisplayName("[required] SessionReads findWithUser: the session with its user, exactly as UserStore findById returns it, and the user's stamp")
    void findWithUserJoinsTheUser() {
        UserId user = userWithStamp(7);
        SessionRecord r = inserted(new SessionRecord(session(user, millisNow(clock)).session(), Fixtures.tokenHash(), 7));

        SessionWithUser read = reads().findWithUser(r.tokenHash()).orElseThrow();

        assertThat(read.session()).isEqualTo(r);
        assertThat(read.user()).contains(stores.users().findById(user).orElseThrow().user());
        assertThat(read.userSecurityStamp()).isEqualTo(7);
    }

    @Test
    @DisplayName("[required] SessionReads find*: a stamp raised and a status changed after the session was issued read as the user's new ones")
    void findReadsTheCurrentStampAndStatus() {
        UserId user = owner(stores);
        SessionRecord r = inserted(session(user, millisNow(clock)));
        UserRecord stored = stores.users().findById(user).orElseThrow();
        assertThat(reads().findWithRoles(r.tokenHash()).orElseThrow().userStatus()).contains(UserStatus.ACTIVE);
        assertThat(stores.users().update(stored.next(stored.user().withStatus(UserStatus.DISABLED, millisNow(clock)))
                .endingSessions())).isTrue();

        SessionWithUser read = reads().findWithUser(r.tokenHash()).orElseThrow();
        SessionAccess access = reads().findWithRoles(r.tokenHash()).orElseThrow();

        assertThat(read.userSecurityStamp()).isEqualTo(stored.securityStamp() + 1);
        assertThat(read.session().securityStamp()).isEqualTo(r.securityStamp());
        assertThat(read.user().orElseThrow().status()).isEqualTo(UserStatus.DISABLED);
        assertThat(access.userSecurityStamp()).isEqualTo(stored.securityStamp() + 1);
        assertThat(access.securityStamp()).isEqualTo(r.securityStamp());
        assertThat(access.userStatus()).contains(UserStatus.DISABLED);
    }

    @Test
    @DisplayName("[required] SessionReads find*: an anonymous session has no user, stamp 0 and no roles")
    void anonymousSessionHasNoUser() {
        insertedRole("viewer");
        SessionRecord r = inserted(session(null, millisNow(clock)));

        SessionWithUser read = reads().findWithUser(r.tokenHash()).orElseThrow();
        assertThat(read).isEqualTo(new SessionWithUser(r, Optional.empty(), 0));
        SessionAccess access = reads().findWithRoles(r.tokenHash()).orElseThrow();
        assertThat(access).isEqualTo(SessionAccess.of(read, List.of()));
        assertThat(access.userId()).isNull();
        assertThat(access.userStatus()).isEmpty();
        assertThat(access.userSecurityStamp()).isZero();
        assertThat(access.roles()).isEmpty();
    }

    /** The port lets a store delete a user's sessions with it (the SQL stores cascade) or keep them for the services to delete. */
    @Test
    @DisplayName("[required] SessionReads find*: a session whose user was deleted is gone with it, or found without a user, stamp 0 and no roles")
    void sessionOfDeletedUserHasNoUser() {
        UserId user = owner(stores);
        stores.roles().grant(user, insertedRole("viewer").role().id());
        SessionRecord r = inserted(session(user, millisNow(clock)));
        assertThat(stores.users().delete(user)).isTrue();

        Optional<SessionWithUser> read = reads().findWithUser(r.tokenHash());
        read.ifPresent(found -> assertThat(found).isEqualTo(new SessionWithUser(r, Optional.empty(), 0)));
        assertThat(reads().findWithRoles(r.tokenHash())).isEqualTo(read.map(found -> SessionAccess.of(found, List.of())));
    }

    @Test
    @DisplayName("[required] SessionReads find*: an expired session is returned too, with its user")
    void expiredSessionIsReturned() {
        UserId user = owner(stores);
        SessionRecord r = inserted(sessionExpiringAt(user, millisNow(clock).minus(Duration.ofDays(1)), null));

        assertThat(reads().findWithUser(r.tokenHash()).orElseThrow().session()).isEqualTo(r);
        assertThat(reads().findWithRoles(r.tokenHash())).contains(SessionAccess.of(reads().findWithUser(r.tokenHash()).orElseThrow(),
                List.of()));
        assertThat(reads().findWithRoles(r.tokenHash()).orElseThrow().userId()).isEqualTo(user);
    }

    @Test
    @DisplayName("[required] SessionReads find*: an unknown token hash returns empty")
    void unknownHashIsEmpty() {
        SessionRecord r = inserted(session(owner(stores), millisNow(clock)));

        assertThat(reads().findWithUser(Fixtures.tokenHash())).isEmpty();
        assertThat(reads().findWithRoles(Fixtures.tokenHash())).isEmpty();
        assertThat(reads().findWithUser(r.tokenHash().toUpperCase())).isEmpty();
    }

    @Test
    @DisplayName("[required] SessionReads findWithRoles: a user without roles reads as findWithUser with no roles")
    void findWithRolesOfUserWithoutRoles() {
        UserId user = userWithStamp(3);
        insertedRole("viewer");
        SessionRecord r = inserted(session(user, millisNow(clock)));

        SessionAccess read = reads().findWithRoles(r.tokenHash()).orElseThrow();

        assertThat(read).isEqualTo(SessionAccess.of(reads().findWithUser(r.tokenHash()).orElseThrow(), List.of()));
    }

    /** If this fails with the session repeated or a role missing, the one-row-per-role result is not folded into one session. */
    @Test
    @DisplayName("[required] SessionReads findWithRoles: the session, its user and every role the user holds, ordered by name as rolesOf orders them")
    void findWithRolesOrdersByName() {
        UserId user = userWithStamp(2);
        UserId other = owner(stores);
        List<RoleRecord> held = List.of(insertedRole("viewer"), insertedRole("Editor"), insertedRole("admin"), insertedRole("auditor"));
        for (RoleRecord r : held) stores.roles().grant(user, r.role().id());
        stores.roles().grant(other, insertedRole("other").role().id());
        SessionRecord r = inserted(session(user, millisNow(clock)));

        SessionAccess read = reads().findWithRoles(r.tokenHash()).orElseThrow();

        assertThat(read.withRoles(List.of())).isEqualTo(SessionAccess.of(reads().findWithUser(r.tokenHash()).orElseThrow(), List.of()));
        List<Role> byName = held.stream().map(RoleRecord::role).sorted(Comparator.comparing(Role::name)).toList();
        assertThat(read.roles()).containsExactlyElementsOf(byName).isEqualTo(stores.roles().rolesOf(user));
    }

    /** If this fails, the narrow read maps a column to the wrong field: the session's stamp, last-seen instant and two ends all differ here. */
    @Test
    @DisplayName("[required] SessionReads findWithRoles: the session's check fields, its user's status and stamp agree with findWithUser for the same token")
    void findWithRolesAgreesWithFindWithUser() {
        UserId user = userWithStamp(5);
        RoleRecord viewer = insertedRole("viewer");
        stores.roles().grant(user, viewer.role().id());
        Instant created = millisNow(clock).minus(Duration.ofMinutes(30));
        Session s = aSession(user, created).lastSeenAt(created.plus(Duration.ofMinutes(7)))
                .idleExpiresAt(created.plus(Duration.ofHours(3))).absoluteExpiresAt(created.plus(Duration.ofDays(2)))
                .data(Map.of("theme", "dark")).build();
        SessionRecord r = inserted(new SessionRecord(s, Fixtures.tokenHash(), 4));

        SessionWithUser wide = reads().findWithUser(r.tokenHash()).orElseThrow();
        SessionAccess read = reads().findWithRoles(r.tokenHash()).orElseThrow();

        assertThat(read).isEqualTo(SessionAccess.of(wide, List.of(viewer.role())));
        assertThat(read.sessionId()).isEqualTo(s.id());
        assertThat(read.userId()).isEqualTo(user);
        assertThat(read.lastSeenAt()).isEqualTo(s.lastSeenAt());
        assertThat(read.idleExpiresAt()).isEqualTo(s.idleExpiresAt());
        assertThat(read.absoluteExpiresAt()).isEqualTo(s.absoluteExpiresAt());
        assertThat(read.expiresAt()).isEqualTo(s.expiresAt());
        assertThat(read.securityStamp()).isEqualTo(4);
        assertThat(read.userStatus()).contains(UserStatus.DISABLED).isEqualTo(wide.user().map(User::status));
        assertThat(read.userSecurityStamp()).isEqualTo(5).isEqualTo(wide.userSecurityStamp());
    }

    @Test
    @DisplayName("SEC-20 [required] SessionReads findWithRoles: a revoked grant is gone from the very next read")
    void revokedGrantIsGoneAtOnce() {
        UserId user = owner(stores);
        RoleRecord editor = insertedRole("editor");
        RoleRecord viewer = insertedRole("viewer");
        stores.roles().grant(user, editor.role().id());
        stores.roles().grant(user, viewer.role().id());
        SessionRecord r = inserted(session(user, millisNow(clock)));
        assertThat(reads().findWithRoles(r.tokenHash()).orElseThrow().roles()).hasSize(2);

        assertThat(stores.roles().revoke(user, editor.role().id())).isTrue();

        assertThat(reads().findWithRoles(r.tokenHash()).orElseThrow().roles()).containsExactly(viewer.role());
    }

    @Test
    @DisplayName("SEC-20 [required] SessionReads findWithRoles: a role's changed permissions show in the very next read")
    void changedPermissionsShowAtOnce() {
        UserId user = owner(stores);
        RoleRecord editor = insertedRole("editor");
        stores.roles().grant(user, editor.role().id());
        SessionRecord r = inserted(session(user, millisNow(clock)));
        assertThat(reads().findWithRoles(r.tokenHash()).orElseThrow().roles()).containsExactly(editor.role());
        Role old = editor.role();
        Role changed = new Role(old.id(), old.name(), old.description(),
                List.of(new Permission("write", "/docs/**", EnumSet.of(Verb.PUT, Verb.DELETE))));

        assertThat(stores.roles().update(editor.next(changed))).isTrue();

        assertThat(reads().findWithRoles(r.tokenHash()).orElseThrow().roles()).containsExactly(changed);
    }
}
