package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.PasswordHashing;
import dev.userkit.StoreException;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.access.Decision;
import dev.userkit.crypto.Secrets;
import dev.userkit.domain.Session;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Verb;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.passwords.PasswordHasher;
import dev.userkit.sessions.LoginResult;
import dev.userkit.sessions.Sessions;
import dev.userkit.sessions.Validation;
import dev.userkit.spi.RoleStore;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionStore;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserStore;
import dev.userkit.testkit.FaultyPorts;
import dev.userkit.testkit.TestUsers;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Login and session security (SEC-05, 07, 09, 16-19), hooks (H2), events (H3), errors (H4) and fail-closed (REL-5).
 *
 * <p>If a test fails, check: the {@code SessionStore} holds only the token hash and finds by it
 * (SEC-16); the failure counters are the {@code AttemptStore}'s (SEC-09); a store fault surfaces
 * as a {@code StoreException} and is never swallowed, so that validation fails closed (REL-5).
 */
public abstract class LoginSecurityTests extends LoginFixture {

    @Test
    @DisplayName("SEC-05 [required] a hash with old parameters is replaced by a current one after a correct login")
    void rehashOnLogin() {
        String oldHash = new PasswordHasher(PasswordHashing.of(19456, 3, 1), 1).hash(PASSWORD);
        User u = TestUsers.insert(stores, oldHash, "olga", "olga@example.com", UserStatus.ACTIVE, false, Map.of());
        UserKit kit = kit();
        expectCode(ErrorCode.WRONG_CREDENTIALS, () -> kit.sessions().login("olga", "not the password at all", CLIENT));
        assertThat(stores.users().findById(u.id()).orElseThrow().passwordHash()).isEqualTo(oldHash);
        kit.sessions().login("olga", PASSWORD, CLIENT);
        String newHash = stores.users().findById(u.id()).orElseThrow().passwordHash();
        assertThat(newHash).isNotEqualTo(oldHash).contains("m=19456,t=2,p=1");
        assertThat(kit.sessions().login("olga", PASSWORD, CLIENT).user().id()).isEqualTo(u.id());
    }

    @Test
    @DisplayName("SEC-07 [required] unknown user, wrong password and disabled account give the same code and message")
    void sameAnswerForEveryRefusal() {
        alice();
        user("dora", UserStatus.DISABLED, false);
        user("pat", UserStatus.PENDING, false);
        Sessions s = kit().sessions();
        List<UserKitException> refusals = List.of(
                expectCode(ErrorCode.WRONG_CREDENTIALS, () -> s.login("nobody", PASSWORD, CLIENT)),
                expectCode(ErrorCode.WRONG_CREDENTIALS, () -> s.login("alice", "not the password at all", CLIENT)),
                expectCode(ErrorCode.WRONG_CREDENTIALS, () -> s.login("dora", PASSWORD, CLIENT)),
                expectCode(ErrorCode.WRONG_CREDENTIALS, () -> s.login("pat", "not the password at all", CLIENT)));
        assertThat(refusals).extracting(Throwable::getMessage).containsOnly(ErrorCode.WRONG_CREDENTIALS.defaultMessage());
    }

    @Test
    @DisplayName("SEC-07 [required] throttling answers THROTTLED with a retry-after for known and unknown identifiers alike")
    void throttlingRevealsNothing() {
        alice();
        Sessions s = kit(config().loginFailureLimit(2).build()).sessions();
        for (String id : List.of("alice", "nobody")) {
            for (int i = 0; i < 2; i++) expectCode(ErrorCode.WRONG_CREDENTIALS, () -> s.login(id, "not the password at all", null));
            UserKitException e = expectCode(ErrorCode.THROTTLED, () -> s.login(id, PASSWORD, null));
            assertThat(e.retryAfter()).contains(Duration.ofMinutes(15));
        }
        assertThat(events.ofType(UserKitEvent.Type.LOGIN_FAILED)).filteredOn(e -> e.details().get("code").equals("1005"))
                .hasSize(2).allSatisfy(e -> assertThat(e.userId()).isNull());
    }

    @Test
    @DisplayName("SEC-09 [required] after N failures even the right password is refused until the cooldown ends")
    void lockAndCooldown() {
        alice();
        Sessions s = kit().sessions();
        for (int i = 0; i < 10; i++) expectCode(ErrorCode.WRONG_CREDENTIALS, () -> s.login("alice", "not the password at all", CLIENT));
        expectCode(ErrorCode.THROTTLED, () -> s.login("ALICE", PASSWORD, ClientContext.fromAddress("198.51.100.1")));
        clock.advance(Duration.ofMinutes(14));
        UserKitException e = expectCode(ErrorCode.THROTTLED, () -> s.login("alice", PASSWORD, CLIENT));
        assertThat(e.retryAfter()).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(s.login("alice", PASSWORD, CLIENT).token()).isNotBlank();
    }

    @Test
    @DisplayName("SEC-09 [required] a successful login resets the identifier's counter")
    void successResets() {
        alice();
        Sessions s = kit(config().loginFailureLimit(3).build()).sessions();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 2; i++) expectCode(ErrorCode.WRONG_CREDENTIALS, () -> s.login("alice", "not the password at all", CLIENT));
            s.login("alice", PASSWORD, CLIENT);
        }
    }

    @Test
    @DisplayName("SEC-09 [required] a correct password whose session cannot be stored leaves the attempt counted and no session")
    void failedSessionInsertKeepsTheCount() {
        User alice = alice();
        UserKitConfig limit3 = config().loginFailureLimit(3).build();
        Sessions s = kit(limit3).sessions();
        for (int i = 0; i < 2; i++) expectCode(ErrorCode.WRONG_CREDENTIALS, () -> s.login("alice", "not the password at all", CLIENT));
        Stores noInsert = stores.withSessions(FaultyPorts.failing(SessionStore.class, stores.sessions(), "insert"));
        Sessions broken = kitBuilder(limit3).stores(noInsert).build().sessions();
        assertThatThrownBy(() -> broken.login("alice", PASSWORD, CLIENT)).isInstanceOf(StoreException.class);
        // the third attempt was spent and not reset: the right password now waits for the cooldown
        expectCode(ErrorCode.THROTTLED, () -> s.login("alice", PASSWORD, CLIENT));
        assertThat(stores.sessions().list(SessionFilter.ofUser(alice.id()), null, 10)).isEmpty();
    }

    @Test
    @DisplayName("SEC-09 [required] failures are counted per client address across identifiers")
    void perAddress() {
        alice();
        Sessions s = kit(config().addressFailureLimit(3).build()).sessions();
        for (String id : List.of("x1", "x2", "x3")) expectCode(ErrorCode.WRONG_CREDENTIALS, () -> s.login(id, PASSWORD, CLIENT));
        expectCode(ErrorCode.THROTTLED, () -> s.login("alice", PASSWORD, CLIENT));
        assertThat(s.login("alice", PASSWORD, ClientContext.fromAddress("198.51.100.9")).token()).isNotBlank();
    }

    @Test
    @DisplayName("SEC-09 [required] 200 parallel failures leave exactly 200 in the identifier's counter")
    void parallelFailuresCountedAtomically() throws Exception {
        // Cheap hashing here: this test is about the counter, not the hash.
        UserKitConfig cfg = config().passwordHashing(PasswordHashing.insecureForTestsOnly())
                .loginFailureLimit(1000).addressFailureLimit(1000).build();
        Sessions s = kit(cfg).sessions();
        int n = 200;
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                done.add(pool.submit(() -> {
                    start.await();
                    try {
                        s.login("ghost", PASSWORD, CLIENT);
                    } catch (UserKitException e) {
                        if (e.code() == ErrorCode.WRONG_CREDENTIALS) refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(refused).hasValue(n);
        // the identifier counter's key: the SHA-256 of its kind "login-id", a NUL and the canonical identifier
        assertThat(stores.attempts().current(Secrets.sha256("login-id\u0000ghost"), clock.instant()))
                .hasValueSatisfying(c -> assertThat(c.count()).isEqualTo(n));
    }

    @Test
    @DisplayName("SEC-16 [required] tokens are 32 random bytes in base64url and the store keeps only their SHA-256")
    void tokensHashed() {
        alice();
        Sessions s = kit().sessions();
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            LoginResult r = s.login("alice", PASSWORD, CLIENT);
            assertThat(r.token()).matches("[A-Za-z0-9_-]{43}");
            assertThat(Base64.getUrlDecoder().decode(r.token())).hasSize(32);
            tokens.add(r.token());
            assertThat(stores.sessions().findByTokenHash(r.token())).isEmpty();
            SessionRecord rec = stores.sessions().findByTokenHash(Secrets.sha256(r.token())).orElseThrow();
            assertThat(rec.tokenHash()).doesNotContain(r.token());
            assertThat(rec.toString()).doesNotContain(r.token());
        }
        assertThat(tokens).hasSize(3);
    }

    @Test
    @DisplayName("SEC-17 [required] re-authentication issues a new token and the old one stops working")
    void reauthenticate() {
        alice();
        Sessions s = kit().sessions();
        LoginResult r = s.login("alice", PASSWORD, CLIENT);
        expectCode(ErrorCode.WRONG_PASSWORD, () -> s.reauthenticate(r.token(), "not the password at all"));
        assertThat(s.validate(r.token()).anonymous()).isFalse();
        String fresh = s.reauthenticate(r.token(), PASSWORD);
        assertThat(fresh).isNotEqualTo(r.token());
        expectCode(ErrorCode.TOKEN_INVALID, () -> s.validate(r.token()));
        assertThat(s.validate(fresh).session().id()).isEqualTo(r.session().id());
        String rotated = s.rotate(fresh);
        expectCode(ErrorCode.TOKEN_INVALID, () -> s.validate(fresh));
        assertThat(s.validate(rotated).session().data()).isEqualTo(r.session().data());
    }

    @Test
    @DisplayName("SEC-17 [required] every login gets a new token, and a granted role works without a new one")
    void grantsAreLive() {
        User alice = alice();
        UserKit kit = kit();
        String first = kit.sessions().login("alice", PASSWORD, CLIENT).token();
        String second = kit.sessions().login("alice", PASSWORD, CLIENT).token();
        assertThat(first).isNotEqualTo(second);
        assertThat(kit.access().authorize(first, Verb.GET, "/docs/1")).isEqualTo(Decision.FORBIDDEN);
        kit.access().createRole("reader", "");
        kit.access().addPermission("reader", perm("docs", "/docs/*", Verb.GET));
        kit.access().grant(alice.id(), "reader");
        assertThat(kit.access().authorize(first, Verb.GET, "/docs/1")).isEqualTo(Decision.ALLOWED);
    }

    @Test
    @DisplayName("SEC-18 [required] defaults are idle 24 h and absolute 30 days; the stricter preset is 1 h and 24 h")
    void lifetimeDefaults() {
        assertThat(UserKitConfig.defaults().sessionIdleTtl()).isEqualTo(Duration.ofHours(24));
        assertThat(UserKitConfig.defaults().sessionAbsoluteTtl()).isEqualTo(Duration.ofDays(30));
        UserKitConfig aal2 = config().aal2Sessions().build();
        assertThat(aal2.sessionIdleTtl()).isEqualTo(Duration.ofHours(1));
        assertThat(aal2.sessionAbsoluteTtl()).isEqualTo(Duration.ofHours(24));
        alice();
        LoginResult r = kit(aal2).sessions().login("alice", PASSWORD, CLIENT);
        assertThat(r.session().idleExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(1)));
        assertThat(r.session().absoluteExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
    }

    @Test
    @DisplayName("SEC-18 [required] activity never extends a session past its absolute lifetime")
    void absoluteCap() {
        alice();
        Sessions s = kit().sessions();
        LoginResult r = s.login("alice", PASSWORD, CLIENT);
        var absolute = r.session().absoluteExpiresAt();
        for (int i = 0; i < 35; i++) {
            clock.advance(Duration.ofHours(20));
            if (!clock.instant().isBefore(absolute)) break;
            assertThat(s.validate(r.token()).session().idleExpiresAt()).isBeforeOrEqualTo(absolute);
        }
        clock.set(absolute);
        expectCode(ErrorCode.TOKEN_EXPIRED, () -> s.validate(r.token()));
    }

    @Test
    @DisplayName("SEC-18 [required] sliding writes happen at most once per interval, so validation is read-mostly")
    void slidingWritesThrottled() {
        alice();
        Sessions s = kit(config().slidingWriteInterval(Duration.ofMinutes(5)).build()).sessions();
        LoginResult r = s.login("alice", PASSWORD, CLIENT);
        clock.advance(Duration.ofMinutes(4));
        s.validate(r.token());
        assertThat(stores.sessions().findById(r.session().id()).orElseThrow().session().lastSeenAt()).isEqualTo(r.session().lastSeenAt());
        clock.advance(Duration.ofMinutes(1));
        s.validate(r.token());
        assertThat(stores.sessions().findById(r.session().id()).orElseThrow().session().lastSeenAt()).isEqualTo(clock.instant());
    }

    /** If this fails, authorisation's own read (SessionReads findWithRoles) does not carry the session's last-seen instant or ends as stored. */
    @Test
    @DisplayName("SEC-18 [required] an authorisation check slides a due session as validation does, at most once per interval")
    void authorisationSlidesAsValidationDoes() {
        alice();
        UserKit kit = kit(config().slidingWriteInterval(Duration.ofMinutes(5)).build());
        LoginResult r = kit.sessions().login("alice", PASSWORD, CLIENT);
        clock.advance(Duration.ofMinutes(4));
        kit.access().authorize(r.token(), Verb.GET, "/");
        Session before = stores.sessions().findById(r.session().id()).orElseThrow().session();
        assertThat(before.lastSeenAt()).isEqualTo(r.session().lastSeenAt());
        clock.advance(Duration.ofMinutes(1));
        kit.access().authorize(r.token(), Verb.GET, "/");
        Session slid = stores.sessions().findById(r.session().id()).orElseThrow().session();
        assertThat(slid.lastSeenAt()).isEqualTo(clock.instant());
        assertThat(slid.idleExpiresAt()).isAfter(before.idleExpiresAt());
        assertThat(kit.sessions().validate(r.token()).session()).isEqualTo(slid);
    }

    /**
     * If this fails with more writes than rounds, the sliding write is unconditional: it must be
     * {@code touchIfLastSeen}, one guarded write. A TOKEN_INVALID means a validation that lost the
     * race treated the refused write as a revocation.
     */
    @Test
    @DisplayName("SEC-18 [required] 16 concurrent validations of one due session: exactly one sliding write per interval, none refused")
    void oneSlidingWritePerIntervalUnderConcurrency() throws InterruptedException {
        int threads = 16;
        alice();
        UserKitConfig cfg = config().slidingWriteInterval(Duration.ofMinutes(5)).build();
        LoginResult r = kit(cfg).sessions().login("alice", PASSWORD, CLIENT);
        SlidingWriteCounter writes = new SlidingWriteCounter(stores.sessions());
        // the store's own reads, kept (set after the counter, which would drop them), each held until all have read
        Stores watched = stores.toBuilder().sessions(writes).sessionReads(new ReadsTogether(stores.sessionReads(), threads)).build();
        Sessions s = kitBuilder(cfg).stores(watched).build().sessions();

        for (int round = 1; round <= 3; round++) {
            clock.advance(cfg.slidingWriteInterval());
            List<Concurrently.Outcome<Validation>> outcomes = Concurrently.run(threads, i -> s.validate(r.token()));

            assertThat(outcomes).extracting(Concurrently.Outcome::failure).containsOnlyNulls();
            assertThat(writes.landed()).as("sliding writes after %d intervals", round).isEqualTo(round);
            assertThat(stores.sessions().findById(r.session().id()).orElseThrow().session().lastSeenAt()).isEqualTo(clock.instant());
        }
    }

    @Test
    @DisplayName("SEC-19 [required] logout ends the session on the server: the token no longer authenticates anything")
    void logoutOnServer() {
        alice();
        UserKit kit = kit();
        LoginResult r = kit.sessions().login("alice", PASSWORD, CLIENT);
        kit.sessions().logout(r.token());
        assertThat(stores.sessions().findByTokenHash(Secrets.sha256(r.token()))).isEmpty();
        assertThat(kit.access().authorize(r.token(), Verb.GET, "/")).isEqualTo(Decision.UNAUTHENTICATED);
    }

    @Test
    @DisplayName("H2 [required] a login check runs after a correct password and can refuse the login")
    void loginCheck() {
        alice();
        AtomicInteger calls = new AtomicInteger();
        Sessions s = kitBuilder(config().build()).loginCheck((user, client) -> {
            calls.incrementAndGet();
            throw new UserKitException(ErrorCode.LOGIN_REFUSED, "Outside office hours");
        }).build().sessions();
        expectCode(ErrorCode.WRONG_CREDENTIALS, () -> s.login("alice", "not the password at all", CLIENT));
        assertThat(calls).hasValue(0);
        expectCode(ErrorCode.LOGIN_REFUSED, () -> s.login("alice", PASSWORD, CLIENT));
        assertThat(calls).hasValue(1);
        assertThat(s.list(null, false, null, 10)).isEmpty();
    }

    @Test
    @DisplayName("H2 [required] a session-data builder decides what the session carries")
    void sessionDataBuilder() {
        alice();
        Sessions s = kitBuilder(config().build())
                .sessionData((user, requested) -> Map.of("user", user.username().value(), "asked", requested.size()))
                .build().sessions();
        LoginResult r = s.login("alice", PASSWORD, CLIENT, Map.of("a", 1, "b", 2));
        assertThat(s.validate(r.token()).session().data()).isEqualTo(Map.of("user", "alice", "asked", 2L));
    }

    @Test
    @DisplayName("H2 [required] a custom user lookup logs in by another field")
    void customLookup() {
        User emp = TestUsers.insert(stores, TestUsers.productionHasher().hash(PASSWORD), "erin", "erin@example.com",
                UserStatus.ACTIVE, false, Map.of("employee", "E-1001"));
        Sessions s = kitBuilder(config().build())
                .userLookup(id -> id.equals("E-1001") ? Optional.of(emp.id()) : Optional.empty())
                .build().sessions();
        assertThat(s.login("E-1001", PASSWORD, CLIENT).user().id()).isEqualTo(emp.id());
        assertThat(s.login("erin", PASSWORD, CLIENT).user().id()).isEqualTo(emp.id());
    }

    @Test
    @DisplayName("H3 [required] login success and failure, logout and role changes are audited without secrets")
    void events() {
        User alice = alice();
        UserKit kit = kit();
        expectCode(ErrorCode.WRONG_CREDENTIALS, () -> kit.sessions().login("nobody", "secret-password-1", CLIENT));
        expectCode(ErrorCode.WRONG_CREDENTIALS, () -> kit.sessions().login("alice", "secret-password-2", CLIENT));
        LoginResult r = kit.sessions().login("alice", PASSWORD, CLIENT);
        kit.sessions().logout(r.token());
        kit.access().createRole("editor", "");
        kit.access().grant(alice.id(), "editor");
        kit.access().revoke(alice.id(), "editor");
        assertThat(events.events()).extracting(UserKitEvent::type).containsExactly(UserKitEvent.Type.LOGIN_FAILED,
                UserKitEvent.Type.LOGIN_FAILED, UserKitEvent.Type.LOGIN_SUCCEEDED, UserKitEvent.Type.LOGOUT,
                UserKitEvent.Type.ROLE_CHANGED, UserKitEvent.Type.ROLE_CHANGED);
        List<UserKitEvent> failed = events.ofType(UserKitEvent.Type.LOGIN_FAILED);
        assertThat(failed.get(0).userId()).isNull();
        assertThat(failed.get(1).userId()).isEqualTo(alice.id());
        assertThat(failed).allSatisfy(e -> assertThat(e.address()).isEqualTo(CLIENT.address()));
        assertThat(events.ofType(UserKitEvent.Type.LOGIN_SUCCEEDED).get(0).userId()).isEqualTo(alice.id());
        assertThat(events.events().toString()).doesNotContain(PASSWORD, "secret-password-1", "secret-password-2", r.token());
    }

    @Test
    @DisplayName("H4 [required] a domain refusal is a UserKitException with a code; a store fault is a StoreException")
    void errorTypes() {
        alice();
        UserKitException domain = expectCode(ErrorCode.WRONG_CREDENTIALS, () -> kit().sessions().login("alice", "nope-nope-nope", CLIENT));
        assertThat(domain).isNotInstanceOf(StoreException.class);
        Stores broken = withUsers(FaultyPorts.failing(UserStore.class, stores.users(), "findByUsernameKey"));
        Sessions s = kitBuilder(config().build()).stores(broken).build().sessions();
        assertThatThrownBy(() -> s.login("alice", PASSWORD, CLIENT)).isInstanceOf(StoreException.class);
    }

    @Test
    @DisplayName("REL-5 [required] a store fault during validation or authorisation propagates and never allows")
    void failClosed() {
        UserKit kit = kit();
        String token = aliceWithRole(kit, "all", perm("all", "/**", Verb.GET));
        assertThat(kit.access().authorize(token, Verb.GET, "/x")).isEqualTo(Decision.ALLOWED);

        Stores noSessions = stores.withSessions(FaultyPorts.failing(SessionStore.class, stores.sessions(), "findByTokenHash"));
        UserKit down = kitBuilder(config().build()).stores(noSessions).build();
        assertThatThrownBy(() -> down.sessions().validate(token)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> down.access().authorize(token, Verb.GET, "/x")).isInstanceOf(StoreException.class);

        Stores noRoles = stores.withRoles(FaultyPorts.failing(RoleStore.class, stores.roles(), "rolesOf"));
        UserKit rolesDown = kitBuilder(config().build()).stores(noRoles).build();
        assertThatThrownBy(() -> rolesDown.access().authorize(token, Verb.GET, "/x")).isInstanceOf(StoreException.class);
    }

    private Stores withUsers(UserStore users) {
        return stores.withUsers(users);
    }
}
