package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.access.Decision;
import dev.userkit.crypto.Secrets;
import dev.userkit.domain.Session;
import dev.userkit.domain.User;
import dev.userkit.domain.Verb;
import dev.userkit.sessions.LoginResult;
import dev.userkit.sessions.Sessions;
import dev.userkit.sessions.Validation;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.Stores;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The session token's requirements: 256 random bits stored only as their SHA-256 (SEC-16), a new token
 * at every login and re-authentication with roles read live (SEC-17), idle and absolute lifetimes with
 * sliding writes at most once per interval, under concurrency too (SEC-18), and logout on the server (SEC-19).
 *
 * <p>If a test fails, check: the {@code SessionStore} holds only the token hash and finds by it (SEC-16);
 * the sliding write is the guarded {@code touchIfLastSeen} (SEC-18); logout deletes the session row (SEC-19).
 */
public abstract class SessionTokenSecurityTests extends LoginFixture {

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
}
