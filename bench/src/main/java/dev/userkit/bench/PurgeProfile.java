package dev.userkit.bench;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What a {@link PurgeScaling} run records besides its table, window by window ({@code warm-up},
 * {@code before}, {@code during}): on PostgreSQL a {@link PostgresPurgeProfile}, elsewhere nothing.
 */
interface PurgeProfile extends AutoCloseable {
    /** The profile of a server that has none. */
    PurgeProfile NONE = new PurgeProfile() {
        @Override
        public void window(String name) {}

        @Override
        public void report(ScaleReport report, String run, Map<String, Integer> validations, List<Long> stepNanos) {}

        @Override
        public void close() {}
    };

    /**
     * The profile of a server's purge.
     *
     * @param server the server
     * @param probe the application name of the probe's connections
     * @param purge the application name of the purge's connections
     * @return its profile, {@link #NONE} if it has none
     * @throws SQLException if the server refuses
     */
    static PurgeProfile of(SqlBenchServer server, String probe, String purge) throws SQLException {
        return server instanceof PostgresBenchServer pg && enabled() ? new PostgresPurgeProfile(pg.adminUrl(), probe, purge) : NONE;
    }

    /** @return whether runs profile, the system property {@code purge.profile} (true unless {@code false}) */
    static boolean enabled() {
        return !"false".equals(System.getProperty("purge.profile"));
    }

    /**
     * Ends the current window and starts the next.
     *
     * @param name the next window's name
     * @throws SQLException if the server's counters cannot be read
     */
    void window(String name) throws SQLException;

    /**
     * Adds the profile's tables of the {@code before} and {@code during} windows to a report.
     *
     * @param report the report
     * @param run what the tables' titles name the run by, e.g. {@code postgres N = 1000000}
     * @param validations the probe's validations in each window
     * @param stepNanos the client's wall time of each purge step (all in {@code during})
     */
    void report(ScaleReport report, String run, Map<String, Integer> validations, List<Long> stepNanos);

    /** Stops sampling; the last window's counters are not reported. */
    @Override
    void close() throws SQLException;
}
