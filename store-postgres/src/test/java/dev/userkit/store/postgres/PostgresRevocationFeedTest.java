package dev.userkit.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.RevocationFeed;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserRecord;
import dev.userkit.store.jdbc.testing.TestSpace;
import dev.userkit.testkit.Fixtures;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The triggers of migration V6 and {@link PostgresRevocationFeed} on a real server: what each write
 * announces, and that the feed listens again after its connection is killed. Notifications arrive in
 * commit order, so a write that announced nothing is followed by one that does, and the first one heard
 * must be the second's.
 */
class PostgresRevocationFeedTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private TestSpace space;
    private Stores stores;
    private AutoCloseable subscription;
    private UserRecord alice;

    @BeforeEach
    void listen() throws InterruptedException {
        space = PostgresTestServer.shared().newSpace("feed");
        stores = space.stores();
        subscription = stores.revocationFeed().orElseThrow().subscribe(new Recorder());
        assertThat(next()).as("told to forget everything once listening").isEqualTo("*");
        alice = Fixtures.sampleUser("alice");
        stores.users().insert(alice);
    }

    @AfterEach
    void close() throws Exception {
        subscription.close();
        space.close();
    }

    @Test
    @DisplayName("deleting live sessions names them; a purge of expired ones announces nothing")
    void liveSessionsNamedPurgeSilent() throws InterruptedException {
        session(Instant.now().minus(Duration.ofHours(1)));
        SessionRecord live = session(Instant.now().plus(Duration.ofHours(1)));
        assertThat(stores.sessions().deleteMatching(SessionFilter.expired(Instant.now()), 100)).isEqualTo(1);
        stores.sessions().delete(live.session().id());
        assertThat(next()).isEqualTo("s:" + live.session().id().value());
    }

    /** Maintenance's walk deletes by block ranges: the statement trigger's transition table still holds exactly its rows. */
    @Test
    @DisplayName("S7 W6 a purge walk of expired sessions announces nothing; deleting a live one afterwards names it")
    void purgeWalkSilent() throws InterruptedException {
        session(Instant.now().minus(Duration.ofHours(1)));
        SessionRecord live = session(Instant.now().plus(Duration.ofHours(1)));
        assertThat(stores.sessions().purgeExpired(Instant.now(), PurgeCursor.START, 100).deleted()).isEqualTo(1);
        stores.sessions().delete(live.session().id());
        assertThat(next()).isEqualTo("s:" + live.session().id().value());
    }

    @Test
    @DisplayName("a user's new status or security stamp, or its deletion, names the user; a profile change announces nothing")
    void userChangesNamed() throws InterruptedException {
        UserRecord renamed = alice.next(alice.user().withMetadata(Map.of("plan", "pro"), Instant.now()));
        assertThat(stores.users().update(renamed)).isTrue();
        UserRecord disabled = renamed.next(renamed.user().withStatus(UserStatus.DISABLED, Instant.now()));
        assertThat(stores.users().update(disabled)).isTrue();
        assertThat(next()).isEqualTo("u:" + alice.user().id().value());
        assertThat(stores.users().update(disabled.next(disabled.user()).endingSessions())).isTrue();
        assertThat(next()).isEqualTo("u:" + alice.user().id().value());
        stores.users().delete(alice.user().id());
        assertThat(next()).isEqualTo("u:" + alice.user().id().value());
    }

    @Test
    @DisplayName("a delete of more live sessions than a notification can name names their user, or says everything")
    void largeDeletesFallBack() throws InterruptedException {
        for (int i = 0; i < 300; i++) session(Instant.now().plus(Duration.ofHours(1)));
        assertThat(stores.sessions().deleteMatching(SessionFilter.ofUser(alice.user().id()), 500)).isEqualTo(300);
        assertThat(next()).isEqualTo("u:" + alice.user().id().value());
        for (int i = 0; i < 300; i++) {
            stores.sessions().insert(Fixtures.record(Fixtures.aSession(null, Instant.now()).build()));
        }
        assertThat(stores.sessions().deleteMatching(SessionFilter.all(), 500)).isEqualTo(300);
        assertThat(next()).isEqualTo("*");
    }

    @Test
    @DisplayName("after its backend is terminated the feed listens again, says everything changed, and goes on announcing")
    void survivesTerminatedBackend() throws Exception {
        terminateListeners();
        assertThat(next()).as("everything changed, when the connection is lost").isEqualTo("*");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            SessionRecord live = session(Instant.now().plus(Duration.ofHours(1)));
            stores.sessions().delete(live.session().id());
            // until it listens again a delete goes unheard (and the reconnection says * once more)
            String note = heard.poll(500, TimeUnit.MILLISECONDS);
            while ("*".equals(note)) note = heard.poll(500, TimeUnit.MILLISECONDS);
            if (("s:" + live.session().id().value()).equals(note)) return;
        }
        throw new AssertionError("no announcement heard within " + WAIT + " of the backend's termination");
    }

    private SessionRecord session(Instant expiresAt) {
        SessionRecord r = Fixtures.sessionExpiringAt(alice.user().id(), expiresAt, null);
        stores.sessions().insert(r);
        return r;
    }

    private String next() throws InterruptedException {
        String note = heard.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(note).as("an announcement within " + WAIT).isNotNull();
        return note;
    }

    private void terminateListeners() throws SQLException {
        try (Connection c = space.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query = 'LISTEN "
                    + PostgresRevocationFeed.CHANNEL + "' AND pid <> pg_backend_pid()").close();
        }
    }

    /** Writes what it is told as s:id, u:id or *, one entry per id. */
    private final class Recorder implements RevocationFeed.Listener {
        @Override
        public void sessionsChanged(Collection<SessionId> sessions) {
            sessions.forEach(id -> heard.add("s:" + id.value()));
        }

        @Override
        public void usersChanged(Collection<UserId> users) {
            users.forEach(id -> heard.add("u:" + id.value()));
        }

        @Override
        public void everythingChanged() {
            heard.add("*");
        }
    }
}
