package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.domain.Session;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import dev.userkit.sessions.AnonymousSession;
import dev.userkit.sessions.LoginResult;
import dev.userkit.sessions.Sessions;
import dev.userkit.sessions.Validation;
import dev.userkit.spi.UserRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Sessions S1-S8 and S10 through the real services on the supplied stores.
 *
 * <p>If a test fails while the port contracts pass, check the {@code SessionStore} method
 * behind the ID: {@code delete} (S5 logout), {@code touch} (S4 sliding), the filters of
 * {@code list} and {@code deleteMatching} (S6, S7: expired only, by user), session data JSON (S8),
 * the {@code except} filter (S10).
 */
public abstract class SessionFeatureTests extends LoginFixture {

    @Test
    @DisplayName("S1 [required] login by username gives a token, the user with its admin flag and its roles")
    void loginByUsername() {
        User bob = user("bob", UserStatus.ACTIVE, true);
        UserKit kit = kit();
        kit.access().createRole("editor", "");
        kit.access().grant(bob.id(), "editor");
        LoginResult r = kit.sessions().login("Bob", PASSWORD, CLIENT);
        assertThat(r.token()).isNotBlank();
        assertThat(r.user().id()).isEqualTo(bob.id());
        assertThat(r.user().admin()).isTrue();
        assertThat(r.roleNames()).containsExactly("editor");
        assertThat(r.session().userId()).isEqualTo(bob.id());
        assertThat(kit.sessions().validate(r.token()).user()).map(User::id).contains(bob.id());
    }

    @Test
    @DisplayName("S1 [required] login by email, in any case, gives a session")
    void loginByEmail() {
        User alice = alice();
        LoginResult r = kit().sessions().login("ALICE@Example.com", PASSWORD, CLIENT);
        assertThat(r.user().id()).isEqualTo(alice.id());
    }

    @Test
    @DisplayName("S1 [required] unknown user and wrong password give the same error")
    void unknownAndWrongAlike() {
        alice();
        Sessions s = kit().sessions();
        var unknown = expectCode(ErrorCode.WRONG_CREDENTIALS, () -> s.login("mallory", PASSWORD, CLIENT));
        var wrong = expectCode(ErrorCode.WRONG_CREDENTIALS, () -> s.login("alice", "not the password at all", CLIENT));
        assertThat(unknown.getMessage()).isEqualTo(wrong.getMessage());
    }

    @Test
    @DisplayName("S1 [required] a PENDING user is told so only after a correct password")
    void pendingAfterCorrectPassword() {
        user("pat", UserStatus.PENDING, false);
        Sessions s = kit().sessions();
        expectCode(ErrorCode.WRONG_CREDENTIALS, () -> s.login("pat", "not the password at all", CLIENT));
        expectCode(ErrorCode.USER_NOT_ACTIVATED, () -> s.login("pat", PASSWORD, CLIENT));
        assertThat(s.list(null, false, null, 10)).isEmpty();
    }

    @Test
    @DisplayName("S1 [required] a disabled user is refused with the wrong-credentials error")
    void disabledRefused() {
        user("dora", UserStatus.DISABLED, false);
        expectCode(ErrorCode.WRONG_CREDENTIALS, () -> kit().sessions().login("dora", PASSWORD, CLIENT));
    }

    @Test
    @DisplayName("S2 [required] an anonymous session validates without a user")
    void anonymousSession() {
        AnonymousSession anon = kit().sessions().startAnonymous(Map.of("cart", 3));
        Validation v = kit().sessions().validate(anon.token());
        assertThat(v.anonymous()).isTrue();
        assertThat(v.session().data()).containsEntry("cart", 3L);
    }

    @Test
    @DisplayName("S2 [required] login binds the anonymous session with a new token; the old one stops working")
    void loginBindsAnonymous() {
        User alice = alice();
        Sessions s = kit().sessions();
        AnonymousSession anon = s.startAnonymous(Map.of("cart", 3));
        LoginResult r = s.loginFromAnonymous(anon.token(), "alice", PASSWORD, CLIENT, Map.of("locale", "de"));
        assertThat(r.token()).isNotEqualTo(anon.token());
        assertThat(r.session().id()).isEqualTo(anon.session().id());
        expectCode(ErrorCode.TOKEN_INVALID, () -> s.validate(anon.token()));
        Validation v = s.validate(r.token());
        assertThat(v.user()).map(User::id).contains(alice.id());
        assertThat(v.session().data()).containsEntry("cart", 3L).containsEntry("locale", "de");
        assertThat(s.list(null, false, null, 10)).hasSize(1);
    }

    @Test
    @DisplayName("S2 [required] only a live anonymous session is bound; another user's session given as one is left alone")
    void bindsOnlyAnonymous() {
        alice();
        user("bob", UserStatus.ACTIVE, false);
        Sessions s = kit().sessions();
        AnonymousSession anon = s.startAnonymous(Map.of());
        LoginResult first = s.loginFromAnonymous(anon.token(), "alice", PASSWORD, CLIENT, Map.of());
        LoginResult again = s.loginFromAnonymous(anon.token(), "alice", PASSWORD, CLIENT, Map.of());
        assertThat(again.session().id()).isNotEqualTo(first.session().id());
        LoginResult bob = s.loginFromAnonymous(first.token(), "bob", PASSWORD, CLIENT, Map.of());
        assertThat(bob.session().id()).isNotEqualTo(first.session().id());
        assertThat(s.validate(first.token()).user()).map(u -> u.username().value()).contains("alice");
    }

    @Test
    @DisplayName("S2 [required] logout can return the session to anonymous with a new token")
    void logoutToAnonymous() {
        alice();
        Sessions s = kit().sessions();
        LoginResult r = s.login("alice", PASSWORD, CLIENT);
        String anon = s.logoutToAnonymous(r.token());
        expectCode(ErrorCode.TOKEN_INVALID, () -> s.validate(r.token()));
        Validation v = s.validate(anon);
        assertThat(v.anonymous()).isTrue();
        assertThat(v.session().id()).isEqualTo(r.session().id());
    }

    @Test
    @DisplayName("S3 [required] validate tells missing, unknown and expired tokens apart")
    void validateOutcomes() {
        alice();
        Sessions s = kit().sessions();
        String token = s.login("alice", PASSWORD, CLIENT).token();
        expectCode(ErrorCode.TOKEN_MISSING, () -> s.validate(null));
        expectCode(ErrorCode.TOKEN_MISSING, () -> s.validate(""));
        expectCode(ErrorCode.TOKEN_INVALID, () -> s.validate("no-such-token-0123456789abcdefghijklmnopq"));
        clock.advance(Duration.ofHours(25));
        expectCode(ErrorCode.TOKEN_EXPIRED, () -> s.validate(token));
    }

    @Test
    @DisplayName("S3 [required] a session whose user was disabled or deleted is invalid")
    void validateChecksUser() {
        User alice = alice();
        user("bob", UserStatus.ACTIVE, false);
        Sessions s = kit().sessions();
        String a = s.login("alice", PASSWORD, CLIENT).token();
        String b = s.login("bob", PASSWORD, CLIENT).token();
        UserRecord rec = stores.users().findById(alice.id()).orElseThrow();
        stores.users().update(rec.next(rec.user().withStatus(UserStatus.DISABLED, clock.instant())));
        expectCode(ErrorCode.TOKEN_INVALID, () -> s.validate(a));
        stores.users().delete(stores.users().findByUsernameKey("bob").orElseThrow().user().id());
        expectCode(ErrorCode.TOKEN_INVALID, () -> s.validate(b));
    }

    @Test
    @DisplayName("S4 [required] validating slides the idle timeout")
    void slidingExpiry() {
        alice();
        Sessions s = kit().sessions();
        String token = s.login("alice", PASSWORD, CLIENT).token();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofHours(23));
            assertThat(s.validate(token).session().idleExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        }
        clock.advance(Duration.ofHours(24));
        expectCode(ErrorCode.TOKEN_EXPIRED, () -> s.validate(token));
    }

    @Test
    @DisplayName("S4 [required] the idle TTL is configurable and freshen always writes the new idle end")
    void freshenAndConfigurableTtl() {
        alice();
        Sessions s = kit(config().sessionIdleTtl(Duration.ofDays(10)).slidingWriteInterval(Duration.ofHours(1)).build()).sessions();
        LoginResult r = s.login("alice", PASSWORD, CLIENT);
        assertThat(r.session().idleExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(10)));
        clock.advance(Duration.ofMinutes(10));
        assertThat(s.validate(r.token()).session().lastSeenAt()).isEqualTo(r.session().lastSeenAt());
        Session fresh = s.freshen(r.token()).session();
        assertThat(fresh.lastSeenAt()).isEqualTo(clock.instant());
        assertThat(stores.sessions().findById(r.session().id()).orElseThrow().session().idleExpiresAt())
                .isEqualTo(clock.instant().plus(Duration.ofDays(10)));
    }

    @Test
    @DisplayName("S5 [required] logout ends the session")
    void logout() {
        alice();
        Sessions s = kit().sessions();
        LoginResult r = s.login("alice", PASSWORD, CLIENT);
        assertThat(s.logout(r.token())).isTrue();
        expectCode(ErrorCode.TOKEN_INVALID, () -> s.validate(r.token()));
        assertThat(stores.sessions().findById(r.session().id())).isEmpty();
        assertThat(s.logout(r.token())).isFalse();
        expectCode(ErrorCode.TOKEN_MISSING, () -> s.logout(null));
    }

    @Test
    @DisplayName("S6 [required] list sessions of one user or everyone, in pages, only expired ones on request")
    void listSessions() {
        User alice = alice();
        Sessions s = kit().sessions();
        LoginResult a1 = s.login("alice", PASSWORD, CLIENT);
        AnonymousSession anon = s.startAnonymous(Map.of());
        clock.advance(Duration.ofHours(20));
        LoginResult a2 = s.login("alice", PASSWORD, CLIENT);
        assertThat(ids(s.list(alice.id(), false, null, 10))).containsExactly(a1.session().id(), a2.session().id());
        assertThat(ids(s.list(null, false, null, 10))).containsExactly(a1.session().id(), anon.session().id(), a2.session().id());
        assertThat(ids(s.list(null, false, a1.session().id(), 1))).containsExactly(anon.session().id());
        clock.advance(Duration.ofHours(5));
        assertThat(ids(s.list(null, true, null, 10))).containsExactly(a1.session().id(), anon.session().id());
        assertThat(ids(s.list(alice.id(), true, null, 10))).containsExactly(a1.session().id());
        expectCode(ErrorCode.INVALID_ARGUMENT, () -> s.list(null, false, null, 0));
    }

    @Test
    @DisplayName("S7 [required] kill the sessions of one user, or only expired ones, or everyone's")
    void killSessions() {
        User alice = alice();
        Sessions s = kit().sessions();
        s.login("alice", PASSWORD, CLIENT);
        s.startAnonymous(Map.of());
        clock.advance(Duration.ofHours(20));
        LoginResult live = s.login("alice", PASSWORD, CLIENT);
        AnonymousSession other = s.startAnonymous(Map.of());
        clock.advance(Duration.ofHours(5));
        assertThat(s.kill(null, true)).isEqualTo(2);
        assertThat(ids(s.list(null, false, null, 10))).containsExactly(live.session().id(), other.session().id());
        assertThat(s.kill(alice.id(), false)).isEqualTo(1);
        assertThat(ids(s.list(null, false, null, 10))).containsExactly(other.session().id());
        assertThat(s.kill(null, false)).isEqualTo(1);
        assertThat(s.list(null, false, null, 10)).isEmpty();
    }

    @Test
    @DisplayName("S7 [required] the purge deletes more expired sessions than one batch holds and keeps live ones")
    void purgeInBatches() {
        Sessions s = kit().sessions();
        // a full batch, then a partial one: the purge must go on after a batch that came back full
        int expired = Sessions.PURGE_BATCH + 234;
        for (int i = 0; i < expired; i++) s.startAnonymous(Map.of());
        clock.advance(Duration.ofHours(25));
        AnonymousSession live = s.startAnonymous(Map.of());
        assertThat(s.purgeExpired()).isEqualTo(expired);
        assertThat(ids(s.list(null, false, null, 10))).containsExactly(live.session().id());
    }

    @Test
    @DisplayName("S8 [required] session data given at login is readable on validate")
    void sessionData() {
        alice();
        Sessions s = kit().sessions();
        LoginResult r = s.login("alice", PASSWORD, CLIENT, Map.of("locale", "fr", "app", Map.of("tab", 2)));
        assertThat(s.validate(r.token()).session().data()).isEqualTo(Map.of("locale", "fr", "app", Map.of("tab", 2L)));
        expectCode(ErrorCode.INVALID_METADATA, () -> s.login("alice", PASSWORD, CLIENT, Map.of("$where", 1)));
    }

    @Test
    @DisplayName("S10 [required] sign out everywhere else keeps only the current session")
    void signOutOthers() {
        User alice = alice();
        user("bob", UserStatus.ACTIVE, false);
        Sessions s = kit().sessions();
        LoginResult here = s.login("alice", PASSWORD, CLIENT);
        String there = s.login("alice", PASSWORD, CLIENT).token();
        String bob = s.login("bob", PASSWORD, CLIENT).token();
        assertThat(s.signOutOthers(here.token())).isEqualTo(1);
        expectCode(ErrorCode.TOKEN_INVALID, () -> s.validate(there));
        assertThat(s.validate(here.token()).user()).map(User::id).contains(alice.id());
        assertThat(s.validate(bob).anonymous()).isFalse();
    }

    @Test
    @DisplayName("S7 [required] revoke ends one session of its owner only; another user's session id, an unknown or an ended one end nothing")
    void revokeOneSession() {
        User alice = alice();
        User bob = user("bob", UserStatus.ACTIVE, false);
        Sessions s = kit().sessions();
        LoginResult here = s.login("alice", PASSWORD, CLIENT);
        LoginResult there = s.login("alice", PASSWORD, CLIENT);
        LoginResult bobs = s.login("bob", PASSWORD, CLIENT);
        assertThat(s.revoke(alice.id(), bobs.session().id())).isFalse();
        assertThat(s.validate(bobs.token()).user()).map(User::id).contains(bob.id());
        assertThat(s.revoke(alice.id(), there.session().id())).isTrue();
        expectCode(ErrorCode.TOKEN_INVALID, () -> s.validate(there.token()));
        assertThat(s.validate(here.token()).user()).map(User::id).contains(alice.id());
        assertThat(s.revoke(alice.id(), there.session().id())).isFalse();
        expectCode(ErrorCode.INVALID_ARGUMENT, () -> s.revoke(alice.id(), null));
    }

    @Test
    @DisplayName("S10 [required] an anonymous session cannot sign others out")
    void signOutOthersNeedsUser() {
        Sessions s = kit().sessions();
        String anon = s.startAnonymous(Map.of()).token();
        expectCode(ErrorCode.TOKEN_INVALID, () -> s.signOutOthers(anon));
    }

    private static List<SessionId> ids(List<Session> sessions) {
        return new ArrayList<>(sessions.stream().map(Session::id).toList());
    }

    @Test
    @DisplayName("W3 [required] a login that presents a live user session is 1017; no token, an anonymous, logged-out or expired one passes")
    void loginWhileLoggedIn() {
        alice();
        Sessions s = kit().sessions();
        LoginResult live = s.login("alice", PASSWORD, CLIENT);
        expectCode(ErrorCode.ALREADY_LOGGED_IN, () -> s.requireNoUserSession(live.token()));
        s.requireNoUserSession(null);
        s.requireNoUserSession("");
        s.requireNoUserSession("not-a-session-token");
        s.requireNoUserSession(s.startAnonymous(Map.of()).token());
        LoginResult ended = s.login("alice", PASSWORD, CLIENT);
        s.logout(ended.token());
        s.requireNoUserSession(ended.token());
        clock.advance(Duration.ofDays(400));
        s.requireNoUserSession(live.token());
    }
}
