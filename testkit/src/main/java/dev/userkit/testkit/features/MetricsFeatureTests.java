package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.OutboxSettings;
import dev.userkit.StoreException;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.accounts.NewUser;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Verb;
import dev.userkit.hooks.Instrumentation;
import dev.userkit.hooks.LoginOutcome;
import dev.userkit.hooks.ResetChannel;
import dev.userkit.spi.Mailer;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxStore;
import dev.userkit.spi.Stores;
import dev.userkit.testkit.FaultyPorts;
import dev.userkit.testkit.RecordingInstrumentation;
import dev.userkit.testkit.RecordingInstrumentation.Report;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * W6 metrics through the real services: each observable outcome is reported to the kit's
 * {@link Instrumentation} once, where it is decided, with closed tags only and never a user
 * identifier; an instrumentation that throws changes no operation's result.
 *
 * <p>If a test fails, check the store behind the outcome first (a login that fails for a store
 * reason reports OTHER); for the backlog, {@code OutboxStore.countPending}.
 */
public abstract class MetricsFeatureTests extends LoginFixture {
    private static final String NEW_PASSWORD = "amber lantern over quiet harbour";
    private static final String PHONE = "+4915112345678";
    private static final String WRONG = "not the password at all";
    /** The recording of every kit this test builds. */
    private final RecordingInstrumentation reports = new RecordingInstrumentation();

    @Override
    protected UserKit.Builder kitBuilder(UserKitConfig cfg) {
        return super.kitBuilder(cfg).instrumentation(reports);
    }

    private static NewUser newUser(String name) {
        return NewUser.builder(name, name + "@example.org").password(NEW_PASSWORD).phone(PHONE).build();
    }

    // no report may carry anything a person could be recognised by
    private void assertNoIdentifierIn(List<Report> seen, String... identifiers) {
        for (Report r : seen) {
            for (String id : identifiers) assertThat(String.valueOf(r.tag())).as(r.toString()).doesNotContainIgnoringCase(id);
        }
    }

    @Test
    @DisplayName("W6 [required] metrics: a successful login reports SUCCESS once, with its duration")
    void successfulLogin() {
        alice();
        kit().sessions().login("alice", PASSWORD, CLIENT);
        assertThat(reports.of("loginFinished")).singleElement().satisfies(r -> {
            assertThat(r.tag()).isEqualTo(LoginOutcome.SUCCESS.name());
            assertThat(r.nanos()).isPositive();
        });
    }

    @Test
    @DisplayName("W6 [required] metrics: a failed login reports WRONG_CREDENTIALS and no user identifier, for a wrong password and an unknown name alike")
    void failedLogin() {
        alice();
        UserKit kit = kit();
        expectCode(ErrorCode.WRONG_CREDENTIALS, () -> kit.sessions().login("alice", WRONG, CLIENT));
        expectCode(ErrorCode.WRONG_CREDENTIALS, () -> kit.sessions().login("nobody@example.com", WRONG, CLIENT));
        assertThat(reports.tags("loginFinished")).containsExactly("WRONG_CREDENTIALS", "WRONG_CREDENTIALS");
        assertThat(reports.of("loginFinished")).allSatisfy(r -> assertThat(r.nanos()).isPositive());
        assertNoIdentifierIn(reports.reports(), "alice", "nobody", "example.com", CLIENT.address());
    }

    @Test
    @DisplayName("W6 [required] metrics: a login past the attempt limit reports THROTTLED, and the lockout is reported once")
    void throttledLogin() {
        alice();
        UserKit kit = kit();
        for (int i = 0; i < 10; i++) expectCode(ErrorCode.WRONG_CREDENTIALS, () -> kit.sessions().login("alice", WRONG, CLIENT));
        expectCode(ErrorCode.THROTTLED, () -> kit.sessions().login("alice", PASSWORD, CLIENT));
        expectCode(ErrorCode.THROTTLED, () -> kit.sessions().login("alice", PASSWORD, CLIENT));
        assertThat(reports.tags("loginFinished")).hasSize(12).endsWith("THROTTLED", "THROTTLED")
                .filteredOn("WRONG_CREDENTIALS"::equals).hasSize(10);
        assertThat(reports.of("lockedOut")).hasSize(1);
    }

    @Test
    @DisplayName("W6 [required] metrics: the right password of a PENDING account reports PENDING")
    void pendingLogin() {
        user("paula", UserStatus.PENDING, false);
        expectCode(ErrorCode.USER_NOT_ACTIVATED, () -> kit().sessions().login("paula", PASSWORD, CLIENT));
        assertThat(reports.tags("loginFinished")).containsExactly("PENDING");
    }

    @Test
    @DisplayName("W6 [required] metrics: a login device control refuses reports DEVICE_REFUSED, for a missing token and an unknown device")
    void deviceRefusedLogin() {
        alice();
        UserKit kit = deviceControlled();
        expectCode(ErrorCode.INVALID_DEVICE_TOKEN, () -> kit.sessions().login("alice", PASSWORD, CLIENT));
        expectCode(ErrorCode.DEVICE_DENIED, () -> kit.sessions().login("alice", PASSWORD, fromDevice("laptop-device-token-0123456789")));
        assertThat(reports.tags("loginFinished")).containsExactly("DEVICE_REFUSED", "DEVICE_REFUSED");
    }

    @Test
    @DisplayName("W6 [required] metrics: a login refused for any other reason reports OTHER")
    void otherLogin() {
        alice();
        UserKit kit = kitBuilder(config().build()).loginCheck((user, client) -> {
            throw new UserKitException(ErrorCode.LOGIN_REFUSED);
        }).build();
        expectCode(ErrorCode.LOGIN_REFUSED, () -> kit.sessions().login("alice", PASSWORD, CLIENT));
        expectCode(ErrorCode.INVALID_ARGUMENT, () -> kit.sessions().login(null, PASSWORD, CLIENT));
        assertThat(reports.tags("loginFinished")).containsExactly("OTHER", "OTHER");
    }

    @Test
    @DisplayName("W6 [required] metrics: a registration reports one registration and its queued VERIFY_EMAIL; delivery reports it delivered")
    void registrationAndMail() {
        UserKit kit = kit();
        kit.accounts().register(newUser("rita"), ClientContext.NONE);
        assertThat(reports.of("registered")).hasSize(1);
        assertThat(reports.tags("messageQueued")).containsExactly("VERIFY_EMAIL");
        assertThat(reports.of("messageDelivered")).isEmpty();
        kit.outbox().deliverPending();
        assertThat(reports.tags("messageDelivered")).containsExactly("VERIFY_EMAIL");
        assertNoIdentifierIn(reports.reports(), "rita", PHONE);
    }

    /**
     * If this fails, the message was counted when it was added, not once its unit of work returned:
     * the email change's code mail is added, then its notice fails, and a SQL store rolls both back.
     */
    @Test
    @DisplayName("W6 [required] metrics: an operation that fails after queueing a message leaves the queued count unchanged; once it succeeds both messages count")
    void failedOperationCountsNoQueuedMessage() {
        User alice = alice();
        Stores noticeFails = stores.withOutbox(FaultyPorts.failingWhen(OutboxStore.class, stores.outbox(), "add",
                args -> ((OutboxRecord) args[0]).kind() == MessageKind.EMAIL_CHANGE_NOTICE));
        UserKit broken = kitBuilder(config().build()).stores(noticeFails).build();

        assertThatThrownBy(() -> broken.accounts().requestEmailChange(alice.id(), PASSWORD, "alice.new@example.com"))
                .isInstanceOf(StoreException.class);
        assertThat(reports.of("messageQueued")).as("messages counted by the failed request").isEmpty();

        kit().accounts().requestEmailChange(alice.id(), PASSWORD, "alice.new@example.com");
        assertThat(reports.tags("messageQueued")).containsExactly("CHANGE_EMAIL", "EMAIL_CHANGE_NOTICE");
    }

    @Test
    @DisplayName("W6 [required] metrics: a message whose last attempt fails reports DEAD with its kind")
    void deadMessage() {
        OutboxSettings once = OutboxSettings.builder().maxAttempts(1).build();
        Mailer down = message -> {
            throw new IllegalStateException("mail server refused the connection");
        };
        UserKit kit = kitBuilder(config().outbox(once).build()).mailer(down).build();
        alice();
        kit.recovery().requestPasswordReset("alice", ClientContext.NONE);
        kit.outbox().deliverPending();
        assertThat(reports.tags("messageDead")).containsExactly("PASSWORD_RESET");
        assertThat(reports.of("messageDelivered")).isEmpty();
    }

    @Test
    @DisplayName("W6 SEC-10 [required] metrics: reset requests report their channel, for an unknown name exactly as for an account; completed resets report theirs")
    void resets() {
        UserKit kit = kit();
        kit.accounts().register(newUser("rosa"), ClientContext.NONE);
        reports.clear();
        kit.recovery().requestPasswordReset("rosa", ClientContext.NONE);
        kit.recovery().requestPasswordReset("ghost", ClientContext.NONE);
        assertThat(reports.tags("resetRequested")).containsExactly("EMAIL", "EMAIL");
        assertThat(reports.tags("messageQueued")).as("a decoy counts as a message too").containsExactly("PASSWORD_RESET", "PASSWORD_RESET");
        deliver();
        kit.recovery().resetPassword(mailer.latestCode("rosa@example.org", MessageKind.PASSWORD_RESET).orElseThrow(),
                "seven quiet otters paddle home");
        kit.recovery().requestPasswordResetByPhone(PHONE, ClientContext.NONE);
        textsSent();
        kit.recovery().resetPasswordByPhone(PHONE, sms.latestCode(PHONE).orElseThrow(), "violet harbour lantern forgets");
        assertThat(reports.tags("resetRequested")).containsExactly("EMAIL", "EMAIL", "SMS");
        assertThat(reports.tags("resetCompleted")).containsExactly("EMAIL", "SMS");
        assertNoIdentifierIn(reports.reports(), "rosa", "ghost", PHONE);
    }

    @Test
    @DisplayName("W6 [required] metrics: validation reports valid and invalid tokens with their durations")
    void validations() {
        alice();
        UserKit kit = kit();
        String token = kit.sessions().login("alice", PASSWORD, CLIENT).token();
        kit.sessions().validate(token);
        kit.sessions().freshen(token);
        expectCode(ErrorCode.TOKEN_INVALID, () -> kit.sessions().validate("x".repeat(43)));
        expectCode(ErrorCode.TOKEN_MISSING, () -> kit.sessions().validate(null));
        assertThat(reports.tags("validated")).containsExactly("true", "true", "false", "false");
        assertThat(reports.of("validated")).allSatisfy(r -> assertThat(r.nanos()).isNotNegative());
    }

    @Test
    @DisplayName("W6 [required] metrics: every authorisation decision is reported once, allowed or not, with its duration")
    void authorisations() {
        UserKit kit = kit();
        String token = aliceWithRole(kit, "reader", perm("read", "/api/**", Verb.GET));
        reports.clear();
        kit.access().authorize(token, Verb.GET, "/api/orders");
        kit.access().authorize(token, Verb.DELETE, "/api/orders");
        kit.access().check(null, Verb.GET, "/api/orders");
        kit.access().checkSession(kit.sessions().validate(token), null, Verb.GET, "/api/orders");
        kit.access().authorizeRoles(Set.of("reader"), Verb.GET, "/admin");
        assertThat(reports.tags("authorized")).containsExactly("true", "false", "false", "true", "false");
        assertThat(reports.of("authorized")).allSatisfy(r -> assertThat(r.nanos()).isNotNegative());
    }

    @Test
    @DisplayName("W6 [required] metrics: the outbox backlog counts pending messages and is zero after delivery; no hash is in flight at rest")
    void gauges() {
        UserKit kit = kit();
        assertThat(kit.outbox().backlog()).isZero();
        kit.accounts().register(newUser("bea"), ClientContext.NONE);
        kit.accounts().register(NewUser.builder("bo", "bo@example.org").password(NEW_PASSWORD).build(), ClientContext.NONE);
        assertThat(kit.outbox().backlog()).isEqualTo(2);
        kit.outbox().deliverPending();
        assertThat(kit.outbox().backlog()).isZero();
        assertThat(kit.passwordHashesInFlight()).isZero();
        assertThat(kit.passwordHashesWaiting()).isZero();
    }

    @Test
    @DisplayName("W6 [required] metrics: an instrumentation that throws fails no login, validation, registration, reset or delivery")
    void throwingInstrumentation() {
        Instrumentation broken = new Instrumentation() {
            @Override public void loginFinished(LoginOutcome outcome, long nanos) { throw new IllegalStateException("metrics down"); }
            @Override public void validated(boolean valid, long nanos) { throw new IllegalStateException("metrics down"); }
            @Override public void registered() { throw new IllegalStateException("metrics down"); }
            @Override public void messageQueued(MessageKind kind) { throw new UnsupportedOperationException("metrics down"); }
            @Override public void messageDelivered(MessageKind kind) { throw new IllegalStateException("metrics down"); }
            @Override public void resetRequested(ResetChannel c) { throw new IllegalStateException("metrics down"); }
            @Override public void authorized(boolean allowed, long nanos) { throw new IllegalStateException("metrics down"); }
        };
        UserKit kit = super.kitBuilder(config().build()).instrumentation(broken).build();
        alice();
        String token = kit.sessions().login("alice", PASSWORD, CLIENT).token();
        assertThat(kit.sessions().validate(token).user()).isPresent();
        kit.access().authorize(token, Verb.GET, "/api");
        kit.accounts().register(newUser("nina"), ClientContext.NONE);
        kit.recovery().requestPasswordReset("alice", ClientContext.NONE);
        kit.outbox().deliverPending();
        assertThat(kit.outbox().backlog()).isZero();
        assertThat(mailer.sent()).extracting(m -> m.kind() + " " + m.to())
                .contains("VERIFY_EMAIL nina@example.org", "PASSWORD_RESET alice@example.com");
        assertThat(stores.users().findByUsernameKey("nina")).isPresent();
    }
}
