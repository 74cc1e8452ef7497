package dev.userkit.bench.rounds;

import dev.userkit.bench.servers.SqlServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Statement counts from {@code pg_stat_statements} (the server preloads it, see
 * {@code EmbeddedServers.startCounting}), and the WAL and its flushes from {@code pg_stat_wal} and
 * {@code pg_stat_io} (the database's commit count is left out: the store's LISTEN connection and the pool's
 * upkeep commit too). The counter's own queries run on a connection of their own and are left out.
 *
 * <p>Backends report their WAL and I/O figures to the shared statistics when they go idle, at most once a
 * second, so reset and read wait that long first; {@code pg_stat_statements} counts at once.
 */
final class PostgresStatementCounter implements StatementCounter {
    private static final long STATS_FLUSH_MILLIS = 1_500;
    private static final String OWN = "%pg_stat%";
    private static final String STATEMENTS = "SELECT query, calls, rows, total_exec_time, wal_records FROM pg_stat_statements "
            + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT LIKE '" + OWN + "' "
            + "ORDER BY calls DESC, query";
    private static final String SERVER = "SELECT (SELECT wal_records FROM pg_stat_wal), (SELECT wal_bytes FROM pg_stat_wal), "
            + "(SELECT wal_fpi FROM pg_stat_wal), (SELECT coalesce(sum(writes), 0) FROM pg_stat_io WHERE object = 'wal'), "
            + "(SELECT coalesce(sum(fsyncs), 0) FROM pg_stat_io WHERE object = 'wal')";
    private static final List<String> SERVER_NAMES = List.of("WAL records", "WAL bytes", "WAL full-page images", "WAL writes",
            "WAL fsyncs");

    private final SqlServer server;

    PostgresStatementCounter(SqlServer server) {
        this.server = server;
    }

    @Override
    public String source() {
        return "pg_stat_statements (calls, rows, total_exec_time, wal_records), pg_stat_wal, pg_stat_io (object 'wal')";
    }

    @Override
    public Map<String, String> durabilitySettings() throws SQLException {
        return server.pairs("SELECT name, setting FROM pg_settings WHERE name IN "
                + "('synchronous_commit', 'fsync', 'wal_sync_method', 'commit_delay', 'full_page_writes') ORDER BY name");
    }

    @Override
    public void reset() throws SQLException {
        awaitStatsFlush();
        try (Connection c = server.connect(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
            s.execute("SELECT pg_stat_reset_shared('wal')");
            s.execute("SELECT pg_stat_reset_shared('io')");
        }
    }

    @Override
    public List<StatementCount> statements() throws SQLException {
        List<StatementCount> out = new ArrayList<>();
        try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(STATEMENTS)) {
            while (rs.next()) {
                out.add(new StatementCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4) * 1e3, rs.getLong(5) > 0));
            }
        }
        return out;
    }

    @Override
    public Map<String, Long> serverCounters() throws SQLException {
        awaitStatsFlush();
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = server.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SERVER)) {
            rs.next();
            for (int i = 0; i < SERVER_NAMES.size(); i++) out.put(SERVER_NAMES.get(i), rs.getLong(i + 1));
        }
        return out;
    }

    private static void awaitStatsFlush() {
        try {
            Thread.sleep(STATS_FLUSH_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
