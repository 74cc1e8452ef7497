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
 * bench's database only. The runs of statements prepared on the server (the pools' {@code useServerPrepStmts})
 * are not in that summary, nor in {@code prepared_statements_instances} on MariaDB 11.4: they are counted by
 * the global status {@code Com_stmt_execute} as one row without text, rows or time (the counter's own
 * connection prepares none). A statement writes if it affected rows or its verb is INSERT, UPDATE, DELETE or
 * REPLACE. InnoDB's redo-log writes and flushes come from the global status, as deltas.
 */
final class MariaDbStatementCounter implements StatementCounter {
    private static final String STATEMENTS = "SELECT DIGEST_TEXT, COUNT_STAR, SUM_ROWS_SENT + SUM_ROWS_AFFECTED, SUM_TIMER_WAIT, "
            + "SUM_ROWS_AFFECTED FROM performance_schema.events_statements_summary_by_digest WHERE SCHEMA_NAME = ? "
            + "ORDER BY COUNT_STAR DESC, DIGEST_TEXT";
    private static final String PREPARED_RUNS = "Com_stmt_execute";
    private static final List<String> STATUS = List.of("Com_commit", "Handler_commit", "Innodb_log_writes", "Innodb_os_log_fsyncs",
            PREPARED_RUNS);
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
        return "performance_schema.events_statements_summary_by_digest (COUNT_STAR, rows sent + affected, SUM_TIMER_WAIT), "
                + "SHOW GLOBAL STATUS deltas (Com_stmt_execute: runs of server-prepared statements, without text or time)";
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
        }
        statusAtReset = status();
    }

    @Override
    public List<StatementCount> statements() throws SQLException {
        List<StatementCount> out = new ArrayList<>();
        try (Connection c = server.connect(); PreparedStatement ps = c.prepareStatement(STATEMENTS)) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String digest = rs.getString(1);
                    out.add(new StatementCount(digest, rs.getLong(2), rs.getLong(3), rs.getLong(4) / PICOS_PER_MICRO,
                            rs.getLong(5) > 0 || WRITE.matcher(digest).lookingAt()));
                }
            }
        }
        long preparedRuns = serverCounters().get(PREPARED_RUNS);
        if (preparedRuns > 0) {
            out.add(new StatementCount("(runs of statements prepared on the server, from " + PREPARED_RUNS
                    + ": no text, rows or time)", preparedRuns, 0, 0, false));
        }
        return out;
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
