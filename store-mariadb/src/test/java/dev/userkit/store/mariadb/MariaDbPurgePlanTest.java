package dev.userkit.store.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.sessions.Sessions;
import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.PurgeStep;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionStore;
import dev.userkit.store.jdbc.testing.StatementRecorder;
import dev.userkit.store.jdbc.testing.TestSpace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * S7 at scale (issue 7, defect 12): one purge batch reads a bounded range of the expiry index, in
 * that index's order, instead of sorting every expired session. Asserted on the plan MariaDB
 * reports for the very statement the store sends (recorded, not rewritten here); speed itself is
 * measured in the bench module, never here.
 */
class MariaDbPurgePlanTest {
    // half expired: four batches' worth, so a plan that reads every expired row (main's filesort did) exceeds the bound
    private static final int SESSIONS = 8 * Sessions.PURGE_BATCH;
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final TestSpace SPACE = MariaDbTestServer.shared().newSpace("purgeplan");

    @AfterAll
    static void close() {
        SPACE.close();
    }

    @Test
    @DisplayName("S7 a purge batch reads the expiry index in order and stops at the limit: no filesort, about BATCH rows read")
    void purgeBatchReadsABoundedIndexRange() throws SQLException {
        fillHalfExpired();
        StatementRecorder recorder = new StatementRecorder(SPACE.dataSource());
        int deleted = MariaDbStores.over(recorder.dataSource()).sessions()
                .deleteMatching(SessionFilter.expired(NOW), Sessions.PURGE_BATCH);
        assertThat(deleted).isEqualTo(Sessions.PURGE_BATCH);
        String batch = recorder.last("DELETE");

        try (Connection c = SPACE.dataSource().getConnection()) {
            String plan = MariaDbPlans.explain(c, "EXPLAIN FORMAT=JSON ", batch, MariaDbPurgePlanTest::bind);
            // if this fails, check that the batch is ordered by the expiry index's own columns
            assertThat(plan).as(plan).contains("\"key\": \"userkit_sessions_expires_idx\"").doesNotContain("filesort");

            String analyzed = MariaDbPlans.analyzeRolledBack(c, batch, MariaDbPurgePlanTest::bind);
            assertThat(MariaDbPlans.rowsRead(analyzed)).as(analyzed).isLessThanOrEqualTo(2L * Sessions.PURGE_BATCH);
        }
    }

    /**
     * Maintenance's walk (issue 9, goal 6): a step deletes the expired sessions of a range of the
     * primary key, which clusters the table, so it writes consecutive pages once, reading about the
     * range's rows and no more. The second step's statement, which has both ends of its range.
     */
    @Test
    @DisplayName("S7 W6 a purge walk step deletes within a primary-key range: read along PRIMARY, about limit rows, no filesort")
    void purgeWalkStepReadsAPrimaryKeyRange() throws SQLException {
        fillHalfExpired();
        SessionStore sessions = MariaDbStores.over(SPACE.dataSource()).sessions();
        PurgeStep first = sessions.purgeExpired(NOW, PurgeCursor.START, Sessions.PURGE_BATCH);
        StatementRecorder recorder = new StatementRecorder(SPACE.dataSource());
        PurgeStep second = MariaDbStores.over(recorder.dataSource()).sessions().purgeExpired(NOW, first.next(), Sessions.PURGE_BATCH);
        assertThat(first.deleted() + second.deleted()).as("half of two ranges of BATCH rows").isBetween(
                Sessions.PURGE_BATCH / 2, 3 * Sessions.PURGE_BATCH / 2);
        String step = recorder.last("DELETE");
        MariaDbPlans.Binder range = (ps, sql) -> {
            ps.setString(1, first.next().position());
            ps.setString(2, second.next().position());
            ps.setObject(3, utc(NOW));
        };

        try (Connection c = SPACE.dataSource().getConnection()) {
            String plan = MariaDbPlans.explain(c, "EXPLAIN FORMAT=JSON ", step, range);
            // if this fails, check that the step's condition bounds the id on both sides
            assertThat(plan).as(plan).contains("\"key\": \"PRIMARY\"").doesNotContain("filesort");
            String analyzed = MariaDbPlans.analyzeRolledBack(c, step, range);
            assertThat(MariaDbPlans.rowsRead(analyzed)).as(analyzed).isLessThanOrEqualTo(2L * Sessions.PURGE_BATCH);
        }
    }

    /** Only sessions with random ids, every other one expired, so the expired rows are spread over the whole id range. */
    private static void fillHalfExpired() throws SQLException {
        Random random = new Random(12);
        try (Connection c = SPACE.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO userkit_sessions (id, token_hash, created_at, last_seen_at, "
                     + "idle_expires_at, absolute_expires_at, expires_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, '{}')")) {
            try (Statement s = c.createStatement()) {
                // each test fills the shared space afresh
                s.execute("DELETE FROM userkit_sessions");
            }
            c.setAutoCommit(false);
            for (int i = 0; i < SESSIONS; i++) {
                Instant ends = NOW.plus(Duration.ofSeconds(random.nextInt(86_400 * 10) * (i % 2 == 0 ? -1L : 1L)));
                Instant start = ends.minus(Duration.ofDays(1));
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, "hash-" + i);
                for (int col = 3; col <= 7; col++) ps.setObject(col, utc(col <= 4 ? start : ends));
                ps.addBatch();
                if (i % 1000 == 999) ps.executeBatch();
            }
            ps.executeBatch();
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE TABLE userkit_sessions");
            }
            c.setAutoCommit(true);
        }
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    /** Binds the recorded batch's two parameters: now and the limit. */
    private static void bind(PreparedStatement ps, String sql) throws SQLException {
        ps.setObject(1, utc(NOW));
        ps.setInt(2, Sessions.PURGE_BATCH);
    }
}
