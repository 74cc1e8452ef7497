package dev.userkit.store.jdbc.testing;

import static dev.userkit.testkit.Fixtures.code;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.domain.CodePurpose;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxState;
import dev.userkit.spi.OutboxStore;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserRecord;
import dev.userkit.store.jdbc.JdbcStores;
import dev.userkit.testkit.Fixtures;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The outbox (REL-8) where SQL adds something to the port contract: the unit of work's transaction,
 * several instances over one database, bounded purge batches in each dialect's form, the table as a
 * dump shows it, and text the server cannot store. A store module extends it.
 */
public abstract class OutboxSqlTests {
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final byte[] CIPHERTEXT = {1, 2, 3, 4, 5, 6, 7, 8};

    /** The server to create spaces on. */
    protected abstract SqlTestServer server();

    private static OutboxRecord queued(Instant expiresAt) {
        return OutboxRecord.queued(UUID.randomUUID().toString(), MessageKind.PASSWORD_RESET, CIPHERTEXT, NOW, expiresAt);
    }

    @Test
    @DisplayName("REL-8 a message added in a unit of work is rolled back with the code it carries, and committed with it")
    void addJoinsTheUnitOfWork() {
        try (TestSpace space = server().newSpace("outboxunit")) {
            Stores stores = space.stores();
            UserRecord ada = Fixtures.sampleUser("ada");
            stores.users().insert(ada);
            CodeRecord lost = code(ada.user().id(), CodePurpose.PASSWORD_RESET, NOW);
            OutboxRecord unsent = queued(NOW.plusSeconds(3600));
            assertThatThrownBy(() -> stores.unitOfWork().run(() -> {
                stores.codes().insert(lost);
                stores.outbox().add(unsent);
                throw new IllegalStateException("fault after the message");
            })).hasMessage("fault after the message");
            // if this fails, check that the outbox takes the unit's bound connection, not one of its own
            assertThat(stores.outbox().findById(unsent.id())).isEmpty();
            assertThat(stores.codes().consume(lost.codeHash(), CodePurpose.PASSWORD_RESET)).isEmpty();

            CodeRecord kept = code(ada.user().id(), CodePurpose.PASSWORD_RESET, NOW);
            OutboxRecord sent = queued(NOW.plusSeconds(3600));
            stores.unitOfWork().run(() -> {
                stores.codes().insert(kept);
                stores.outbox().add(sent);
                return null;
            });
            assertThat(stores.outbox().findById(sent.id())).contains(sent);
            assertThat(stores.codes().consume(kept.codeHash(), CodePurpose.PASSWORD_RESET)).isPresent();
        }
    }

    @Test
    @DisplayName("REL-8 senders on two instances over one database claim each due message exactly once")
    void twoInstancesClaimEachMessageOnce() throws Exception {
        try (TestSpace space = server().newSpace("outboxclaim")) {
            OutboxStore first = space.stores().outbox();
            OutboxStore second = JdbcStores.create(space.dataSource(), server().database().dialect()).outbox();
            int messages = 40;
            for (int i = 0; i < messages; i++) first.add(queued(NOW.plusSeconds(3600)));
            Map<String, AtomicInteger> claims = new ConcurrentHashMap<>();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService senders = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (int s = 0; s < 4; s++) {
                    OutboxStore outbox = s % 2 == 0 ? first : second;
                    String owner = "sender-" + s;
                    runs.add(senders.submit(() -> {
                        start.await();
                        for (OutboxRecord due : outbox.due(NOW, messages)) {
                            outbox.claim(due.id(), owner, NOW, NOW.plusSeconds(60)).ifPresent(claimed -> {
                                assertThat(claimed.leaseOwner()).isEqualTo(owner);
                                claims.computeIfAbsent(claimed.id(), k -> new AtomicInteger()).incrementAndGet();
                            });
                        }
                        return null;
                    }));
                }
                start.countDown();
                for (Future<?> run : runs) run.get(60, SECONDS);
            } finally {
                senders.shutdownNow();
            }
            // if a message was claimed twice, check that the claim's UPDATE guards on the lease in its WHERE
            assertThat(claims).hasSize(messages).allSatisfy((id, count) -> assertThat(count.get()).as(id).isEqualTo(1));
            assertThat(first.due(NOW, messages)).isEmpty();
        }
    }

    @Test
    @DisplayName("REL-8 SEC-12 after delivery the table holds no payload: a dump shows only ids, kinds, states and times")
    void deliveredRowsHoldNoPayload() throws SQLException {
        try (TestSpace space = server().newSpace("outboxdump")) {
            OutboxStore outbox = space.stores().outbox();
            OutboxRecord r = queued(NOW.plusSeconds(3600));
            outbox.add(r);
            assertThat(payloads(space.dataSource())).isEqualTo(1);
            outbox.claim(r.id(), "sender", NOW, NOW.plusSeconds(60)).orElseThrow();
            assertThat(outbox.delivered(r.id(), "sender", NOW.plusSeconds(1))).isTrue();
            assertThat(payloads(space.dataSource())).isZero();
        }
    }

    private static long payloads(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM userkit_outbox WHERE payload IS NOT NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    @DisplayName("REL-8 a purge touches at most its limit per kind of work, and the next batch takes the rest")
    void purgeIsBounded() {
        try (TestSpace space = server().newSpace("outboxpurge")) {
            OutboxStore outbox = space.stores().outbox();
            List<String> delivered = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                outbox.add(queued(NOW.minusSeconds(10 - i)));
                OutboxRecord old = queued(NOW.plusSeconds(3600));
                outbox.add(old);
                outbox.claim(old.id(), "sender", NOW, NOW.plusSeconds(60)).orElseThrow();
                outbox.delivered(old.id(), "sender", NOW.plusSeconds(i));
                delivered.add(old.id());
            }
            OutboxRecord live = queued(NOW.plus(Duration.ofDays(1)));
            outbox.add(live);

            Instant later = NOW.plus(Duration.ofHours(1));
            // if this fails, check the dialect's updateLimited and deleteLimited: each batch must stop at the limit
            assertThat(outbox.purge(later, later, 2)).isEqualTo(4);
            assertThat(outbox.findByState(OutboxState.DELIVERED, 10)).extracting(OutboxRecord::id).containsExactly(delivered.get(2));
            assertThat(outbox.findByState(OutboxState.DEAD, 10)).hasSize(2)
                    .allSatisfy(dead -> assertThat(dead.lastError()).isEqualTo("expired"));
            assertThat(outbox.purge(later, later, 2)).isEqualTo(2);
            assertThat(outbox.purge(later, later, 2)).isZero();
            assertThat(outbox.findByState(OutboxState.DEAD, 10)).hasSize(3).allSatisfy(dead -> assertThat(dead.payload()).isNull());
            assertThat(outbox.findByState(OutboxState.PENDING, 10)).containsExactly(live);
        }
    }

    @Test
    @DisplayName("REL-8 a failure whose error holds a character the server cannot store still settles the message")
    void errorWithNulSettles() {
        try (TestSpace space = server().newSpace("outboxnul")) {
            OutboxStore outbox = space.stores().outbox();
            OutboxRecord r = queued(NOW.plusSeconds(3600));
            outbox.add(r);
            outbox.claim(r.id(), "sender", NOW, NOW.plusSeconds(60)).orElseThrow();
            // if this fails on PostgreSQL, check that the error is made storable rather than treated as a key
            assertThat(outbox.failed(r.id(), "sender", "550 bad\u0000reply", NOW.plusSeconds(30), true)).isTrue();
            OutboxRecord dead = outbox.findById(r.id()).orElseThrow();
            assertThat(dead.state()).isEqualTo(OutboxState.DEAD);
            assertThat(dead.lastError()).startsWith("550 bad").endsWith("reply").hasSize("550 bad?reply".length());
        }
    }
}
