package dev.userkit.store.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.domain.User;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.JdbcStores;
import dev.userkit.testkit.TestKeys;
import dev.userkit.testkit.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two instances (kits over two store bundles, as two servers would have) over one database, both with
 * the validation cache on: a revocation made on A reaches B's cache. With a revocation feed
 * (PostgreSQL's LISTEN/NOTIFY) within {@link #FEED_BOUND}, though the staleness window is a minute; without
 * one (MariaDB) within the staleness window, {@link #SHORT_WINDOW} here. A store module extends it.
 */
public abstract class CacheAcrossInstancesTests {
    /** How soon a notified revocation must be seen. */
    public static final Duration FEED_BOUND = Duration.ofSeconds(2);
    /** The staleness window of the test without a feed. */
    public static final Duration SHORT_WINDOW = Duration.ofSeconds(1);
    private static final String PASSWORD = "correct horse battery staple";
    private static final ClientContext CLIENT = ClientContext.fromAddress("203.0.113.7");

    private TestSpace space;
    private UserKit a;
    private UserKit b;
    private User alice;

    /** The server to create the shared space on. */
    protected abstract SqlTestServer server();

    /** Whether the store announces revocations (a {@link dev.userkit.spi.RevocationFeed}); the test checks it does exactly then. */
    protected abstract boolean announcesRevocations();

    @BeforeEach
    void twoInstances() {
        space = server().newSpace("cache");
        Stores other = JdbcStores.create(space.dataSource(), server().database().dialect());
        assertThat(other.revocationFeed().isPresent()).as("the store has a revocation feed").isEqualTo(announcesRevocations());
        a = cachedKit(space.stores());
        b = cachedKit(other);
        alice = TestUsers.insertActive(space.stores(), TestUsers.productionHasher(), "alice", "alice@example.com", PASSWORD);
    }

    @AfterEach
    void closeInstances() {
        // the stores own nothing (they run over the space's pool): closing the kits ends their feed subscriptions
        a.close();
        b.close();
        space.close();
    }

    @Test
    @DisplayName("S5 with the validation cache on two instances, a logout on one is seen by the other in time")
    void logoutElsewhere() {
        String token = cachedOnB();
        a.sessions().logout(token);
        assertSeenInTime(token);
    }

    @Test
    @DisplayName("S7 S10 with the validation cache on two instances, signing out everywhere on one is seen by the other in time")
    void signOutEverywhereElsewhere() {
        String token = cachedOnB();
        String current = a.sessions().login("alice", PASSWORD, CLIENT).token();
        a.sessions().signOutOthers(current);
        assertSeenInTime(token);
        String again = cachedOnB();
        a.sessions().kill(alice.id(), false);
        assertSeenInTime(again);
    }

    @Test
    @DisplayName("A11 with the validation cache on two instances, deactivating a user on one is seen by the other in time")
    void deactivationElsewhere() {
        String token = cachedOnB();
        a.accounts().deactivate(alice.id());
        assertSeenInTime(token);
    }

    private UserKit cachedKit(Stores stores) {
        Duration window = announcesRevocations() ? Duration.ofMinutes(1) : SHORT_WINDOW;
        return UserKit.builder().stores(stores).config(UserKitConfig.builder().keyRing(TestKeys.RING)
                .validationCache(true).validationCacheStaleness(window).build()).build();
    }

    /** A session of alice's, logged in on A and validated on B twice, so that B has it cached. */
    private String cachedOnB() {
        String token = a.sessions().login("alice", PASSWORD, CLIENT).token();
        b.sessions().validate(token);
        b.sessions().validate(token);
        return token;
    }

    private void assertSeenInTime(String token) {
        Duration bound = announcesRevocations() ? FEED_BOUND : SHORT_WINDOW.plus(FEED_BOUND);
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                b.sessions().validate(token);
            } catch (UserKitException e) {
                assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INVALID);
                return;
            }
            pause();
        }
        fail("instance B still validated the revoked session after " + bound.toMillis() + " ms");
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
