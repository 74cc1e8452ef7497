package dev.userkit.store.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.access.Decision;
import dev.userkit.domain.Permission;
import dev.userkit.domain.User;
import dev.userkit.domain.Verb;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.JdbcStores;
import dev.userkit.testkit.MutableClock;
import dev.userkit.testkit.RecordingMailer;
import dev.userkit.testkit.RecordingSmsSender;
import dev.userkit.testkit.TestKeys;
import dev.userkit.testkit.TestUsers;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The hot path in round trips (issue 9): a validation whose sliding write is not due and an
 * authorisation each send one statement, the joined session reads, counted where the store
 * prepares them; an authorisation reads a role's body only when the role's version is new to it. Speed itself is measured in the bench module, never here. A store module extends it.
 */
public abstract class RoundTripTests {
    private static final String PASSWORD = "correct horse battery staple";

    private TestSpace space;
    private StatementRecorder recorder;
    private UserKit kit;
    private String token;

    /** The server to create spaces on. */
    protected abstract SqlTestServer server();

    @BeforeEach
    void loggedIn() {
        space = server().newSpace("roundtrips");
        recorder = new StatementRecorder(space.dataSource());
        Stores stores = JdbcStores.create(recorder.dataSource(), server().database().dialect());
        kit = UserKit.builder().stores(stores).clock(MutableClock.standard()).mailer(new RecordingMailer())
                .sms(new RecordingSmsSender())
                .config(UserKitConfig.builder().keyRing(TestKeys.RING).passwordHashing(PasswordHashing.PRODUCTION).build()).build();
        User ada = TestUsers.insertActive(stores, TestUsers.productionHasher(), "ada", "ada@example.com", PASSWORD);
        for (String role : List.of("reader", "auditor")) {
            kit.access().createRole(role, "");
            kit.access().addPermission(role, new Permission("docs", "/docs/*", Set.of(Verb.GET)));
            kit.access().grant(ada.id(), role);
        }
        token = kit.sessions().login("ada", PASSWORD, null).token();
    }

    @AfterEach
    void closeSpace() {
        space.close();
    }

    /** The statements {@code call} prepared. */
    private List<String> statementsOf(Runnable call) {
        int before = recorder.prepared().size();
        call.run();
        List<String> all = recorder.prepared();
        return all.subList(before, all.size());
    }

    @Test
    @DisplayName("S3 validating a session whose sliding write is not due sends one statement: the session joined to its user")
    void validationIsOneStatement() {
        List<String> sent = statementsOf(() -> kit.sessions().validate(token));

        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).contains("JOIN userkit_users").doesNotContain("password_hash");
    }

    @Test
    @DisplayName("R4 SEC-20 authorising a request sends one statement: the session joined to its user and the ids and versions of its roles")
    void authorisationIsOneStatement() {
        List<String> first = statementsOf(() -> assertThat(kit.access().authorize(token, Verb.GET, "/docs/1")).isEqualTo(Decision.ALLOWED));
        List<String> allowed = statementsOf(() -> assertThat(kit.access().authorize(token, Verb.GET, "/docs/1")).isEqualTo(Decision.ALLOWED));
        List<String> forbidden = statementsOf(() -> assertThat(kit.access().authorize(token, Verb.DELETE, "/docs/1")).isEqualTo(Decision.FORBIDDEN));

        // the first check reads each role's body once (the two roles made in set-up), the next ones never
        assertThat(first).hasSize(3);
        assertThat(allowed).hasSize(1);
        assertThat(allowed.get(0)).contains("JOIN userkit_users", "JOIN userkit_roles").doesNotContain("password_hash", "permissions");
        assertThat(forbidden).isEqualTo(allowed);
    }

    @Test
    @DisplayName("R4 SEC-20 after a role's permissions change the next check reads that role's body once, then one statement again")
    void changedRoleIsReadOnce() {
        kit.access().authorize(token, Verb.GET, "/docs/1");
        kit.access().addPermission("auditor", new Permission("audit", "/audit/**", Set.of(Verb.GET)));

        List<String> next = statementsOf(() -> assertThat(kit.access().authorize(token, Verb.GET, "/audit/7")).isEqualTo(Decision.ALLOWED));
        List<String> after = statementsOf(() -> assertThat(kit.access().authorize(token, Verb.GET, "/audit/7")).isEqualTo(Decision.ALLOWED));

        assertThat(next).hasSize(2);
        assertThat(next.get(1)).contains("FROM userkit_roles");
        assertThat(after).hasSize(1);
    }
}
