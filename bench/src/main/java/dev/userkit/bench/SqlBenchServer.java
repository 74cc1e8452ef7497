package dev.userkit.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.PoolOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * One embedded SQL server of the scale runs ({@link PurgeScaling}, {@link ValidationScaling}): fresh
 * user spaces on it, and the little SQL in which the databases differ here (the server-side fill,
 * statistics, EXPLAIN).
 */
interface SqlBenchServer extends AutoCloseable {
    /** The session rows one fill statement inserts at most, so that no single transaction grows without bound. */
    long FILL_CHUNK = 500_000;

    /** @return {@code postgres} or {@code mariadb} */
    String name();

    /**
     * A new user space with the current schema, and a pool over it.
     *
     * @param space the schema or database name
     * @param poolSize the pool's connections
     * @return the pool
     * @throws SQLException if the server refuses
     */
    default HikariDataSource newSpace(String space, int poolSize) throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl()); Statement s = c.createStatement()) {
            s.execute(createSpace(space));
        }
        HikariDataSource ds = pool("bench-" + space, spaceUrl(space), space, poolSize);
        migrate(ds, space);
        return ds;
    }

    /**
     * Another pool over a space from {@link #newSpace}, its connections named where the server shows
     * a client's name (PostgreSQL's {@code application_name}), so that a profile can find their server processes.
     *
     * @param space the space
     * @param poolSize the pool's connections
     * @param application the connections' name
     * @return the pool
     */
    default HikariDataSource pool(String space, int poolSize, String application) {
        return pool("bench-" + application + "-" + space, withApplication(spaceUrl(space), application), space, poolSize);
    }

    private HikariDataSource pool(String name, String url, String space, int poolSize) {
        return new PoolOptions(poolSize, Duration.ofSeconds(10)).pool(name, url, null, null, schemaOf(space));
    }

    /**
     * @param url a URL from {@link #spaceUrl}
     * @param application a client name
     * @return the URL with the name, where the server keeps one; else {@code url}
     */
    String withApplication(String url, String application);

    /** @return a URL that reaches the server as its administrator, user included */
    String adminUrl();

    /**
     * @param space a new space's name
     * @return the statement that creates it
     */
    String createSpace(String space);

    /**
     * @param space a space's name
     * @return a URL that reaches it as the administrator, user included
     */
    String spaceUrl(String space);

    /**
     * @param space a space's name
     * @return the schema the pool's connections start in, or null where the URL names the space
     */
    String schemaOf(String space);

    /**
     * Applies the store's migrations.
     *
     * @param ds a pool over the space
     * @param space its name
     */
    void migrate(DataSource ds, String space);

    /**
     * @param ds a pool from {@link #newSpace}
     * @return the store's bundle over it
     */
    Stores stores(DataSource ds);

    /**
     * Binds an instant the way the store's dialect does (PostgreSQL timestamptz, MariaDB UTC DATETIME).
     *
     * @param ps the statement
     * @param index the parameter's position
     * @param t the instant
     * @throws SQLException if the driver refuses
     */
    void bindTime(PreparedStatement ps, int index, Instant t) throws SQLException;

    /**
     * @param upTo the highest session number a fill statement will be given
     * @return the server's own statements
     */
    Statements statements(long upTo);

    /**
     * The statements in which the servers differ here.
     *
     * @param fillSessions inserts the sessions numbered from its second to its third parameter (inclusive)
     *     in one server-side {@code INSERT ... SELECT} over a number series, no row crossing the network
     *     (see {@link BulkSessions} for what session {@code i} is); its first parameter is the bench's
     *     "now", its fourth how many users the space holds, all of which the sessions are spread over
     * @param settleTable refreshes the sessions table's statistics (and, on PostgreSQL, its visibility map)
     * @param explainRun the prefix that runs a statement and returns its plan with actual row counts
     * @param writeCounters one row of one text column: the server's counters of what writes cost it
     *     (log volume, full-page images, checkpoints, background cleanup), read before and after a purge
     */
    record Statements(String fillSessions, String settleTable, String explainRun, String writeCounters) {}
}
