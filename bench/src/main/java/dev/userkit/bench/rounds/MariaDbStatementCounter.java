package dev.userkit.bench.rounds;

import dev.userkit.bench.servers.SqlServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Statement counts from MariaDB's {@code performance_schema.events_statements_summary_by_digest} (the
 * server runs with {@code performance_schema} on, see {@code EmbeddedServers.startCounting}), for the
 * bench's database only, and from {@code prepared_statements_instances}, where the server counts the runs of
 * statements prepared on it (the pools' {@code useServerPrepStmts}: the digest summary leaves those runs
 * out), by statement text; the counter's own connection prepares none. A statement writes if it affected
 * rows or its verb is INSERT, UPDATE, DELETE or REPLACE. InnoDB's redo-log writes and flushes come from the
 * global status, as deltas.
 */
final class MariaDbStatementCounter implements StatementCounter {
    private static final String STATEMENTS = "SELECT DIGEST_TEXT, COUNT_STAR, SUM_ROWS_SENT + SUM_ROWS_AFFECTED, SUM_TIMER_WAIT, "
            + "SUM_ROWS_AFFECTED FROM performance_schema.events_statements_summary_by_digest WHERE SCHEMA_NAME = ? "
            + "ORDER BY COUNT_STAR DESC, DIGEST_TEXT";
    private static final String PREPARED = "SELECT SQL_TEXT, SUM(COUNT_EXECUTE), SUM(SUM_ROWS_SENT + SUM_ROWS_AFFECTED), "
            + "SUM(SUM_TIMER_EXECUTE), SUM(SUM_ROWS_AFFECTED) FROM performance_schema.prepared_statements_instances "
            + "GROUP BY SQL_TEXT HAVING SUM(COUNT_EXECUTE) > 0 ORDER BY SUM(COUNT_EXECUTE) DESC, SQL_TEXT";
    private static final List<String> STATUS = List.of("Com_commit", "Handler_commit", "Innodb_log_writes", "Innodb_os_log_fsyncs");
    private static final double PICOS_PER_MICRO = 1e6;
    // an upsert with RETURNING reports its row as sent, not affected: the statement's verb says it writes
    private static final Pattern WRITE = Pattern.compile("(INSERT|UPDATE|DELETE|REPLACE)\\b", Pattern.CASE_INSENSITIVE);

    private final SqlServer server;
    private final String database;
    private Map<String, Long> statusAtReset = Map.of();

    MariaDbStatementCounter(SqlServer server, String database) {
        this.server = server;
        this.database = database;
    }

    @Override
    public String source() {
        return "performance_schema.events_statements_summary_by_digest (COUNT_STAR, rows sent + affected, SUM_TIMER_WAIT) and "
                + "prepared_statements_instances (COUNT_EXECUTE, rows sent + affected, SUM_TIMER_EXECUTE), SHOW GLOBAL STATUS deltas";
    }

    @Override
    public Map<String, String> durabilitySettings() throws SQLException {
        return server.pairs("SHOW GLOBAL VARIABLES WHERE Variable_name IN "
                + "('innodb_flush_log_at_trx_commit', 'sync_binlog', 'log_bin', 'innodb_flush_method')");
    }

    @Override
    public void reset() throws SQLException {
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE TABLE performance_schema.events_statements_summary_by_digest");
            s.execute("TRUNCATE TABLE performance_schema.prepared_statements_instances");
        }
        statusAtReset = status();
    }

    @Override
    public List<StatementCount> statements() throws SQLException {
        List<StatementCount> out = new ArrayList<>();
        try (Connection c = server.connect()) {
            try (PreparedStatement ps = c.prepareStatement(STATEMENTS)) {
                ps.setString(1, database);
                readCounts(ps, out);
            }
            try (PreparedStatement ps = c.prepareStatement(PREPARED)) {
                readCounts(ps, out);
            }
        }
        return out;
    }

    /** Adds a row per statement of {@code ps}: its text, runs, rows sent + affected, picoseconds and rows affected. */
    private static void readCounts(PreparedStatement ps, List<StatementCount> out) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String text = rs.getString(1);
                out.add(new StatementCount(text, rs.getLong(2), rs.getLong(3), rs.getLong(4) / PICOS_PER_MICRO,
                        rs.getLong(5) > 0 || WRITE.matcher(text).lookingAt()));
            }
        }
    }

    @Override
    public Map<String, Long> serverCounters() throws SQLException {
        Map<String, Long> now = status();
        Map<String, Long> out = new LinkedHashMap<>();
        STATUS.forEach(n -> out.put(n, now.getOrDefault(n, 0L) - statusAtReset.getOrDefault(n, 0L)));
        return out;
    }

    private Map<String, Long> status() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        server.pairs("SHOW GLOBAL STATUS WHERE Variable_name IN ('" + String.join("','", STATUS) + "')")
                .forEach((name, value) -> out.put(name, Long.valueOf(value)));
        return out;
    }
}
