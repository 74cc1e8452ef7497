package dev.userkit.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.sessions.Sessions;
import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.PurgeStep;
import dev.userkit.store.jdbc.testing.StatementRecorder;
import dev.userkit.store.jdbc.testing.TestSpace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Maintenance's purge walk on PostgreSQL (S7, W6; issue 9, goal 6): each step reads one range of
 * heap blocks through a TID range scan, in the heap's own order, so that a purge writes each page
 * once. Asserted on the plan PostgreSQL reports for the very statement the store sends (recorded,
 * not rewritten here); speed is measured in the bench module, never here.
 */
class PostgresPurgePlanTest {
    private static final int SESSIONS = 8 * Sessions.PURGE_BATCH;
    private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    private static final TestSpace SPACE = PostgresTestServer.shared().newSpace("purgeplan");

    @AfterAll
    static void close() {
        SPACE.close();
    }

    @Test
    @DisplayName("S7 W6 a purge walk step reads its block range by a TID range scan, never the whole table, and the walk covers every block")
    void purgeWalkStepIsATidRangeScan() throws SQLException {
        long blocks = fillHalfExpired();
        StatementRecorder recorder = new StatementRecorder(SPACE.dataSource());
        PurgeStep first = PostgresStores.over(recorder.dataSource()).sessions().purgeExpired(NOW, PurgeCursor.START, Sessions.PURGE_BATCH);
        String step = recorder.last("DELETE");
        // next/end/span: the walk ends at the table's size and takes the blocks of about one batch of rows per step
        String[] cursor = first.next().position().split("/");
        assertThat(Long.parseLong(cursor[1])).as("the walk's end, in blocks").isEqualTo(blocks);
        assertThat(Long.parseLong(cursor[2])).as("blocks per step").isBetween(blocks / 16, blocks / 4);
        assertThat(first.deleted()).as("half of about one batch of rows").isBetween(Sessions.PURGE_BATCH / 4, Sessions.PURGE_BATCH);

        try (Connection c = SPACE.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement("EXPLAIN " + step)) {
            ps.setLong(1, Long.parseLong(cursor[0]));
            ps.setLong(2, Long.parseLong(cursor[0]) + Long.parseLong(cursor[2]));
            ps.setObject(3, OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
            ps.setInt(4, Sessions.PURGE_BATCH);
            ps.setObject(5, OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) plan.append(rs.getString(1)).append('\n');
            }
            // if this fails, check that the range's bounds are constants to the planner (PostgreSQL 14 or later)
            assertThat(plan.toString()).as(plan.toString()).contains("Tid Range Scan").doesNotContain("Seq Scan");
        }
    }

    /** Sessions every other one expired, filled by the server, then analysed; returns the table's size in blocks. */
    private static long fillHalfExpired() throws SQLException {
        try (Connection c = SPACE.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO userkit_sessions (id, token_hash, created_at, last_seen_at, idle_expires_at, "
                    + "absolute_expires_at, expires_at, data, security_stamp) SELECT md5('s' || i)::uuid, 'hash-' || i, e - interval '1 day', "
                    + "e - interval '1 day', e, e + interval '1 day', e, '{}', 0 FROM generate_series(1, " + SESSIONS + ") i, "
                    + "LATERAL (SELECT timestamptz '2026-06-01 00:00:00+00' + (CASE WHEN i % 2 = 0 THEN -1 ELSE 1 END) * i * interval '1 minute' AS e) t");
            s.execute("ANALYZE userkit_sessions");
            try (ResultSet rs = s.executeQuery("SELECT pg_relation_size('userkit_sessions') / current_setting('block_size')::bigint")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
