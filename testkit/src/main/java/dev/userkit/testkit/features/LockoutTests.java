package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.domain.User;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.sessions.LoginResult;
import dev.userkit.sessions.Sessions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * SEC-28 and S11: no stranger can lock an account. Attempts are reserved before the password is
 * checked (exactly N guesses however many arrive at once); a client that logged in before holds a
 * known-client token and is limited only by its own failures; an admin can unlock; every
 * lockout is an event.
 *
 * <p>If a test fails, check that {@code AttemptStore.increment} is atomic and its window end
 * inclusive (exactly N guesses), and that {@code current} finds a live entry by its exact key:
 * a known client is remembered as a windowed attempt-store entry keyed by a hash (S11).
 */
public abstract class LockoutTests extends LoginFixture {
    private static final String WRONG = "not the password at all";

    @Test
    @DisplayName("SEC-28 [required] 200 parallel wrong-password logins against the limit of 10 get exactly 10 passwords checked")
    void exactlyTheLimitIsEvaluated() throws Exception {
        alice();
        Sessions s = kit().sessions();
        List<Concurrently.Outcome<LoginResult>> out = Concurrently.run(200, i -> s.login("alice", WRONG,
                ClientContext.fromAddress("198.51.100." + (i % 200))));
        assertThat(out).allSatisfy(o -> assertThat(o.failure()).isInstanceOf(UserKitException.class));
        long checked = out.stream().filter(o -> ((UserKitException) o.failure()).code() == ErrorCode.WRONG_CREDENTIALS).count();
        long throttled = out.stream().filter(o -> ((UserKitException) o.failure()).code() == ErrorCode.THROTTLED).count();
        assertThat(checked).as("password guesses evaluated").isEqualTo(10);
        assertThat(throttled).isEqualTo(190);
        expectCode(ErrorCode.THROTTLED, () -> s.login("alice", PASSWORD, CLIENT));
    }

    @Test
    @DisplayName("SEC-28 S11 [required] 1,000 failures from other addresses do not stop the owner's login through a known client; the attacker stays limited")
    void knownClientIsNotLockedOutByStrangers() {
        alice();
        Sessions s = kit().sessions();
        String known = s.login("alice", PASSWORD, CLIENT).knownClientToken();
        for (int i = 0; i < 1000; i++) {
            ClientContext attacker = ClientContext.fromAddress("198.51." + (i / 250) + "." + (i % 250));
            String guess = WRONG + i;
            UserKitException e = expectAnyCode(() -> s.login("alice", guess, attacker));
            assertThat(e.code()).isIn(ErrorCode.WRONG_CREDENTIALS, ErrorCode.THROTTLED);
        }
        LoginResult owner = s.login("alice", PASSWORD, CLIENT.withKnownClientToken(known));
        assertThat(s.validate(owner.token()).user()).isPresent();
        expectCode(ErrorCode.THROTTLED, () -> s.login("alice", PASSWORD, ClientContext.fromAddress("198.51.9.9")));
        expectCode(ErrorCode.THROTTLED, () -> s.login("alice", PASSWORD,
                ClientContext.fromAddress("198.51.9.9").withKnownClientToken("forged-" + known.substring(7))));
    }

    @Test
    @DisplayName("S11 [required] a successful login hands out a new known-client token each time; only its hash is stored")
    void knownClientTokenIssued() {
        alice();
        Sessions s = kit().sessions();
        LoginResult first = s.login("alice", PASSWORD, CLIENT);
        LoginResult second = s.login("alice", PASSWORD, CLIENT.withKnownClientToken(first.knownClientToken()));
        assertThat(first.knownClientToken()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(second.knownClientToken());
        assertThat(first.toString()).doesNotContain(first.knownClientToken());
        assertThat(CLIENT.withKnownClientToken(first.knownClientToken()).toString()).doesNotContain(first.knownClientToken());
    }

    @Test
    @DisplayName("SEC-28 [required] a known client is limited by its own failures: N of them lock that client, not the owner's others")
    void knownClientHasItsOwnLimit() {
        alice();
        Sessions s = kit().sessions();
        String phone = s.login("alice", PASSWORD, CLIENT).knownClientToken();
        String laptop = s.login("alice", PASSWORD, CLIENT).knownClientToken();
        ClientContext viaPhone = CLIENT.withKnownClientToken(phone);
        for (int i = 0; i < 10; i++) expectCode(ErrorCode.WRONG_CREDENTIALS, () -> s.login("alice", WRONG, viaPhone));
        expectCode(ErrorCode.THROTTLED, () -> s.login("alice", PASSWORD, viaPhone));
        assertThat(s.login("alice", PASSWORD, CLIENT.withKnownClientToken(laptop)).token()).isNotBlank();
        assertThat(s.login("alice", PASSWORD, CLIENT).token()).as("the untrusted counters were not touched").isNotBlank();
    }

    @Test
    @DisplayName("SEC-28 [required] a known-client token exempts only from lockouts of its own account")
    void knownClientTokenOfAnotherAccount() {
        alice();
        user("mallory", dev.userkit.domain.UserStatus.ACTIVE, false);
        Sessions s = kit().sessions();
        String mallorys = s.login("mallory", PASSWORD, CLIENT).knownClientToken();
        ClientContext withOwnToken = CLIENT.withKnownClientToken(mallorys);
        for (int i = 0; i < 10; i++) expectCode(ErrorCode.WRONG_CREDENTIALS, () -> s.login("alice", WRONG, withOwnToken));
        expectCode(ErrorCode.THROTTLED, () -> s.login("alice", WRONG, withOwnToken));
    }

    @Test
    @DisplayName("SEC-28 [required] a password change forgets the user's known clients")
    void passwordChangeForgetsKnownClients() {
        User alice = alice();
        UserKit kit = kit();
        String known = kit.sessions().login("alice", PASSWORD, CLIENT).knownClientToken();
        kit.accounts().adminSetPassword(alice.id(), "violet harbour lantern forgets");
        for (int i = 0; i < 10; i++) expectCode(ErrorCode.WRONG_CREDENTIALS, () -> kit.sessions().login("alice", WRONG, CLIENT));
        expectCode(ErrorCode.THROTTLED, () -> kit.sessions().login("alice", "violet harbour lantern forgets",
                CLIENT.withKnownClientToken(known)));
    }

    @Test
    @DisplayName("SEC-28 [required] an admin sees a locked account and until when; unlock lets the right password in at once; lockout and unlock are events")
    void adminUnlock() {
        User alice = alice();
        UserKit kit = kit();
        for (int i = 0; i < 10; i++) expectCode(ErrorCode.WRONG_CREDENTIALS, () -> kit.sessions().login("alice", WRONG, CLIENT));
        expectCode(ErrorCode.THROTTLED, () -> kit.sessions().login("alice", PASSWORD, CLIENT));
        expectCode(ErrorCode.THROTTLED, () -> kit.sessions().login("alice", PASSWORD, CLIENT));
        assertThat(events.ofType(UserKitEvent.Type.LOCKED_OUT)).as("one event per lockout")
                .singleElement().satisfies(e -> assertThat(e.userId()).isEqualTo(alice.id()));
        assertThat(kit.accounts().lockedUntil(alice.id())).hasValueSatisfying(until -> assertThat(until).isAfter(clock.instant()));
        kit.accounts().unlock(alice.id());
        assertThat(kit.accounts().lockedUntil(alice.id())).isEmpty();
        assertThat(events.ofType(UserKitEvent.Type.UNLOCKED)).singleElement()
                .satisfies(e -> assertThat(e.userId()).isEqualTo(alice.id()));
        assertThat(kit.sessions().login("alice@example.com", PASSWORD, ClientContext.fromAddress("198.51.100.3")).token()).isNotBlank();
        expectCode(ErrorCode.USER_NOT_FOUND, () -> kit.accounts().unlock(dev.userkit.domain.IdGenerator.userId()));
    }

    @Test
    @DisplayName("SEC-28 [required] the lock of an unknown identifier is an event too, and ends with the window")
    void lockoutOfUnknownIdentifier() {
        Sessions s = kit().sessions();
        for (int i = 0; i < 11; i++) expectAnyCode(() -> s.login("ghost", WRONG, CLIENT));
        assertThat(events.ofType(UserKitEvent.Type.LOCKED_OUT)).singleElement()
                .satisfies(e -> assertThat(e.userId()).isNull());
        clock.advance(Duration.ofMinutes(15));
        expectCode(ErrorCode.WRONG_CREDENTIALS, () -> s.login("ghost", WRONG, CLIENT));
    }

    private static UserKitException expectAnyCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        UserKitException e = org.assertj.core.api.Assertions.catchThrowableOfType(UserKitException.class, call);
        assertThat(e).isNotNull();
        return e;
    }
}
