package dev.userkit.store.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ClientContext;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.access.Decision;
import dev.userkit.domain.Permission;
import dev.userkit.domain.User;
import dev.userkit.domain.Verb;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.JdbcStores;
import dev.userkit.testkit.TestKeys;
import dev.userkit.testkit.TestUsers;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two instances (kits over two store bundles, each with its own role bodies in process, as two
 * servers would have) over one database: every role change made on A is seen by B's very next
 * check, with no announcement and no waiting (SEC-20), after B has already checked with the old
 * roles. A store module extends it.
 */
public abstract class RolesAcrossInstancesTests {
    private static final String PASSWORD = "correct horse battery staple";
    private static final ClientContext CLIENT = ClientContext.fromAddress("203.0.113.7");
    private static final String PAGE = "/docs/1";

    private TestSpace space;
    private UserKit a;
    private UserKit b;
    private User alice;
    private String token;

    /** The server to create the shared space on. */
    protected abstract SqlTestServer server();

    @BeforeEach
    void twoInstances() {
        space = server().newSpace("roles");
        a = kit(space.stores());
        b = kit(JdbcStores.create(space.dataSource(), server().database().dialect()));
        alice = TestUsers.insertActive(space.stores(), TestUsers.productionHasher(), "alice", "alice@example.com", PASSWORD);
        a.access().createRole("reader", "");
        a.access().addPermission("reader", new Permission("docs", "/docs/*", Set.of(Verb.GET)));
        a.access().grant(alice.id(), "reader");
        token = a.sessions().login("alice", PASSWORD, CLIENT).token();
        assertThat(b.access().authorize(token, Verb.GET, PAGE)).as("B's first check").isEqualTo(Decision.ALLOWED);
    }

    @AfterEach
    void closeSpace() {
        // the kits start nothing (no validation cache, no scheduler) and their stores run over the space's pool
        space.close();
    }

    @Test
    @DisplayName("SEC-20 R4 a permission removed on instance A is gone from instance B's next check, and one added is there")
    void permissionChangeElsewhere() {
        a.access().removePermission("reader", "docs");
        assertThat(b.access().authorize(token, Verb.GET, PAGE)).isEqualTo(Decision.FORBIDDEN);

        a.access().addPermission("reader", new Permission("alldocs", "/docs/**", Set.of(Verb.GET, Verb.PUT)));
        assertThat(b.access().authorize(token, Verb.PUT, "/docs/1/2")).isEqualTo(Decision.ALLOWED);
    }

    @Test
    @DisplayName("SEC-20 R4 a role revoked on instance A is gone from instance B's next check, and granted again is back")
    void revokeElsewhere() {
        a.access().revoke(alice.id(), "reader");
        assertThat(b.access().authorize(token, Verb.GET, PAGE)).isEqualTo(Decision.FORBIDDEN);

        a.access().grant(alice.id(), "reader");
        assertThat(b.access().authorize(token, Verb.GET, PAGE)).isEqualTo(Decision.ALLOWED);
    }

    @Test
    @DisplayName("SEC-20 R4 a role deleted on instance A grants nothing at instance B's next check, nor does a new role of its name")
    void deleteElsewhere() {
        a.access().deleteRole("reader");
        assertThat(b.access().authorize(token, Verb.GET, PAGE)).isEqualTo(Decision.FORBIDDEN);

        a.access().createRole("reader", "");
        a.access().addPermission("reader", new Permission("docs", "/docs/*", Set.of(Verb.GET)));
        assertThat(b.access().authorize(token, Verb.GET, PAGE)).isEqualTo(Decision.FORBIDDEN);
    }

    @Test
    @DisplayName("SEC-20 R4 a role renamed and changed on instance A reaches instance B's next check by its new body")
    void renameAndChangeElsewhere() {
        a.access().renameRole("reader", "viewer");
        a.access().updatePermission("viewer", "docs", new Permission("docs", "/docs/*", Set.of(Verb.HEAD)));

        assertThat(b.access().authorize(token, Verb.GET, PAGE)).isEqualTo(Decision.FORBIDDEN);
        assertThat(b.access().authorize(token, Verb.HEAD, PAGE)).isEqualTo(Decision.ALLOWED);
    }

    private static UserKit kit(Stores stores) {
        return UserKit.builder().stores(stores).config(UserKitConfig.builder().keyRing(TestKeys.RING).build()).build();
    }
}
