package dev.userkit.bench.rounds;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The database server's own count of the statements it ran: reset before a column runs, read after
 * it, so that the profile divides the server's figures by the column's calls. On PostgreSQL
 * {@code pg_stat_statements}, on MariaDB {@code performance_schema}'s statement digests.
 */
interface StatementCounter {
    /** @return where the counts come from, for the report */
    String source();

    /** @return the server settings that decide what a commit costs (whether it waits for a log flush), by name */
    Map<String, String> durabilitySettings() throws SQLException;

    /** Forgets every count so far. */
    void reset() throws SQLException;

    /** @return the statements run since the last reset, each once, with their totals */
    List<StatementCount> statements() throws SQLException;

    /** @return server-wide counters since the last reset (commits, log writes and flushes), by name */
    Map<String, Long> serverCounters() throws SQLException;

    /**
     * One statement's totals since the reset, as the server normalised its text.
     *
     * @param statement the normalised text
     * @param calls how many times it ran
     * @param rows rows it returned or changed
     * @param totalMicros time the server spent executing it, in all
     * @param wrote whether it changed anything (WAL records on PostgreSQL, rows affected on MariaDB)
     */
    record StatementCount(String statement, long calls, long rows, double totalMicros, boolean wrote) {}
}
