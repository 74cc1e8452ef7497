package dev.userkit.store.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.store.jdbc.testing.StatementRecorder;
import dev.userkit.store.jdbc.testing.TestSpace;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * REL-8 at scale: each outbox purge batch reads a bounded range of its index in that index's order,
 * even when the table holds far more delivered rows than a batch. Asserted on the plans MariaDB
 * reports for the very statements the store sends (recorded, not rewritten here); speed itself is
 * measured in the bench module, never here.
 */
class MariaDbOutboxPlanTest {
    private static final int BATCH = 500;
    private static final int DELIVERED = 100 * BATCH;
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 6, 1, 0, 0);
    private static final TestSpace SPACE = MariaDbTestServer.shared().newSpace("outboxplan");

    @AfterAll
    static void close() {
        SPACE.close();
    }

    @Test
    @DisplayName("REL-8 an outbox purge batch reads its index in order and stops at the limit: no filesort, about BATCH rows read")
    void purgeBatchesReadBoundedIndexRanges() throws SQLException {
        fill();
        StatementRecorder recorder = new StatementRecorder(SPACE.dataSource());
        int purged = MariaDbStores.over(recorder.dataSource()).outbox()
                .purge(NOW.toInstant(ZoneOffset.UTC), NOW.toInstant(ZoneOffset.UTC), BATCH);
        assertThat(purged).isEqualTo(2 * BATCH);
        List<String> batches = recorder.prepared().stream().filter(sql -> sql.startsWith("UPDATE") || sql.startsWith("DELETE")).toList();
        assertThat(batches).hasSize(2);

        try (Connection c = SPACE.dataSource().getConnection()) {
            for (String batch : batches) {
                String analyzed = MariaDbPlans.analyzeRolledBack(c, batch, MariaDbOutboxPlanTest::bind);
                // if this fails, check that the batch's ORDER BY names the index's columns, its state first
                assertThat(analyzed).as(analyzed).doesNotContain("filesort");
                assertThat(MariaDbPlans.rowsRead(analyzed)).as(analyzed).isLessThanOrEqualTo(2L * BATCH);
            }
        }
    }

    /** Many delivered messages past retention, and pending ones of which two batches' worth have expired. */
    private static void fill() throws SQLException {
        try (Connection c = SPACE.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO userkit_outbox SELECT CONCAT('d', seq), 'PASSWORD_RESET', 'DELIVERED', 1, "
                    + "'2026-05-01', '2026-05-02' + INTERVAL seq SECOND, NULL, NULL, NULL, NULL, '2026-05-03' "
                    + "FROM seq_1_to_" + DELIVERED);
            s.execute("INSERT INTO userkit_outbox SELECT CONCAT('p', seq), 'PASSWORD_RESET', 'PENDING', 1, "
                    + "'2026-05-31', '2026-05-31', NULL, NULL, NULL, X'0102', '2026-06-01' + INTERVAL (CAST(seq AS SIGNED) - " + 2 * BATCH
                    + ") SECOND FROM seq_1_to_" + 4 * BATCH);
            s.execute("ANALYZE TABLE userkit_outbox");
        }
    }

    /** Binds a recorded batch's parameters: instants, then the limit last. */
    private static void bind(PreparedStatement ps, String sql) throws SQLException {
        int parameters = (int) sql.chars().filter(ch -> ch == '?').count();
        for (int i = 1; i < parameters; i++) ps.setObject(i, NOW);
        ps.setInt(parameters, BATCH);
    }
}
