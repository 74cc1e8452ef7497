package dev.userkit.store.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.crypto.Secrets;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.UserId;
import dev.userkit.passwords.PasswordHasher;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.JdbcStores;
import dev.userkit.testkit.MutableClock;
import dev.userkit.testkit.RecordingMailer;
import dev.userkit.testkit.TestKeys;
import dev.userkit.testkit.TestUsers;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The round trips of a login (issue 9), counted through a {@link StatementRecorder} on a real
 * server, never timed: a budget that fails when a change adds a statement, a transaction or a
 * savepoint to the path. A store module extends it.
 *
 * <p>If a budget test fails, its message lists every call the login made, in order: look for a
 * new statement, a unit of work around a single write, or a read the login does not need.
 */
public abstract class LoginRoundTripTests {
    /**
     * A successful login by password from an address: the user, the identifier's and the address's
     * counters (one upsert each), the identifier's counter reset, the session, the known-client
     * token and the user's roles. No transaction, no savepoint.
     */
    static final int SUCCESS_BUDGET = 7;
    /** A wrong password (or an unknown user): the user lookup and the two counters. */
    static final int FAILURE_BUDGET = 3;
    private static final String PASSWORD = "correct horse battery staple";
    private static final ClientContext CLIENT = ClientContext.fromAddress("203.0.113.7");
    private static final String LAPTOP = "laptop-token-0123456789abcdefABCDEF";
    private static final List<String> TRANSACTION_CALLS = List.of("COMMIT", "ROLLBACK", "ROLLBACK TO SAVEPOINT", "SAVEPOINT",
            "RELEASE SAVEPOINT", "AUTOCOMMIT OFF", "AUTOCOMMIT ON");

    private TestSpace space;
    private StatementRecorder recorder;
    private Stores stores;
    private final PasswordHasher hasher = new PasswordHasher(PasswordHashing.insecureForTestsOnly(), 2);

    /**
     * The server to create spaces on.
     *
     * @return the server
     */
    protected abstract SqlTestServer server();

    @BeforeEach
    void openSpace() {
        space = server().newSpace("roundtrips");
        recorder = new StatementRecorder(space.dataSource());
        stores = JdbcStores.create(recorder.dataSource(), server().database().dialect());
        TestUsers.insertActive(stores, hasher, "alice", "alice@example.com", PASSWORD);
    }

    @AfterEach
    void closeSpace() {
        space.close();
    }

    @Test
    @DisplayName("a successful login makes at most 7 round trips: no transaction, no savepoint, no read it does not need")
    void successfulLoginStaysWithinBudget() {
        UserKit kit = kit(UserKitConfig.builder());

        List<String> trips = counted(() -> kit.sessions().login("alice", PASSWORD, CLIENT));

        assertThat(trips).as(describe(trips)).hasSizeLessThanOrEqualTo(SUCCESS_BUDGET).doesNotContainAnyElementsOf(TRANSACTION_CALLS);
    }

    @Test
    @DisplayName("a wrong password makes at most 3 round trips, and an unknown user exactly as many (SEC-08)")
    void failedLoginStaysWithinBudgetForKnownAndUnknownUsers() {
        UserKit kit = kit(UserKitConfig.builder());

        List<String> wrong = counted(() -> refused(ErrorCode.WRONG_CREDENTIALS, () -> kit.sessions().login("alice", "wrong", CLIENT)));
        List<String> unknown = counted(() -> refused(ErrorCode.WRONG_CREDENTIALS, () -> kit.sessions().login("mallory", "wrong", CLIENT)));

        assertThat(wrong).as(describe(wrong)).hasSizeLessThanOrEqualTo(FAILURE_BUDGET).doesNotContainAnyElementsOf(TRANSACTION_CALLS);
        assertThat(unknown).as(describe(unknown)).hasSameSizeAs(wrong);
    }

    @Test
    @DisplayName("a throttled login stops after the user lookup and the identifier's counter: 2 round trips")
    void throttledLoginStopsAtTheCounter() {
        UserKit kit = kit(UserKitConfig.builder().loginFailureLimit(1));
        refused(ErrorCode.WRONG_CREDENTIALS, () -> kit.sessions().login("alice", "wrong", CLIENT));

        List<String> trips = counted(() -> refused(ErrorCode.THROTTLED, () -> kit.sessions().login("alice", PASSWORD, CLIENT)));

        assertThat(trips).as(describe(trips)).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    @DisplayName("under device control a login adds only the device's read, its last use and the check after the session is stored (SEC-21)")
    void deviceControlAddsThreeRoundTrips() {
        UserKit kit = kit(UserKitConfig.builder().deviceControl(true));
        ClientContext laptop = new ClientContext("203.0.113.8", LAPTOP, "TestAgent/1.0");
        refused(ErrorCode.DEVICE_DENIED, () -> kit.sessions().login("alice", PASSWORD, laptop));
        UserId alice = stores.users().findByUsernameKey("alice").orElseThrow().user().id();
        DeviceId device = stores.devices().find(alice, Secrets.sha256(LAPTOP)).orElseThrow().device().id();
        kit.devices().permit(device);

        List<String> trips = counted(() -> kit.sessions().login("alice", PASSWORD, laptop));

        assertThat(trips).as(describe(trips)).hasSizeLessThanOrEqualTo(SUCCESS_BUDGET + 3)
                .doesNotContainAnyElementsOf(TRANSACTION_CALLS);
    }

    @Test
    @DisplayName("a login that takes over an anonymous session deletes it and stores the new one in one transaction (S2)")
    void anonymousTakeOverIsOneTransaction() {
        UserKit kit = kit(UserKitConfig.builder());
        String anonymous = kit.sessions().startAnonymous(null).token();

        List<String> trips = counted(() -> kit.sessions().loginFromAnonymous(anonymous, "alice", PASSWORD, CLIENT, null));

        assertThat(trips).as(describe(trips)).containsOnlyOnce("COMMIT").filteredOn(t -> t.startsWith("DELETE FROM userkit_sessions"))
                .hasSize(1);
    }

    private UserKit kit(UserKitConfig.Builder config) {
        return UserKit.builder().stores(stores).config(config.keyRing(TestKeys.RING)
                        .passwordHashing(PasswordHashing.insecureForTestsOnly()).build())
                .clock(MutableClock.standard()).mailer(new RecordingMailer()).build();
    }

    private List<String> counted(Runnable login) {
        recorder.clear();
        login.run();
        return recorder.roundTrips();
    }

    private String describe(List<String> trips) {
        return trips.size() + " round trips on " + server().database().name() + ":\n  " + String.join("\n  ", trips);
    }

    private static void refused(ErrorCode code, Runnable call) {
        UserKitException e = catchThrowableOfType(UserKitException.class, call::run);
        assertThat(e).as("expected " + code).isNotNull();
        assertThat(e.code()).isEqualTo(code);
    }
}
