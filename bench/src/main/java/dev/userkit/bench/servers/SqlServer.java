package dev.userkit.bench.servers;

import com.zaxxer.hikari.HikariDataSource;
import dev.userkit.store.jdbc.PoolOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A SQL server the benchmarks may make user spaces on, reached as its admin.
 *
 * @param flavor which database it runs
 * @param description where it runs, for the reports
 * @param adminUrl the JDBC URL that reaches it as its admin (MariaDB: ending in '/')
 * @param user the admin login
 * @param password the admin password, or null
 */
public record SqlServer(SqlFlavor flavor, String description, String adminUrl, String user, String password) {
    /**
     * Runs one statement as the admin, outside any user space.
     *
     * @param sql the statement
     * @throws SQLException as the driver does
     */
    public void execute(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * A new connection as the admin, outside any user space and any pool.
     *
     * @return the connection, to be closed by the caller
     * @throws SQLException as the driver does
     */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(adminUrl, user, password);
    }

    /**
     * Runs a query as the admin and keeps its first two columns as names and values, e.g. of settings.
     *
     * @param sql the query
     * @return each row's first column mapped to its second, in the rows' order
     * @throws SQLException as the driver does
     */
    public Map<String, String> pairs(String sql) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        }
        return out;
    }

    /**
     * Creates a user space, migrates it to the stores' current schema and returns a pool over it.
     *
     * @param name the space's name: lower-case letters, digits and '_'
     * @param options the pool's size and wait
     * @param batchedInserts whether the driver rewrites batches into multi-row inserts (fills only: it changes nothing else)
     * @return the pool, to be closed by the caller
     * @throws SQLException if the space cannot be created
     */
    public HikariDataSource newSpace(String name, PoolOptions options, boolean batchedInserts) throws SQLException {
        execute(flavor.createSpace(name));
        String url = flavor.spaceUrl(adminUrl, name);
        if (batchedInserts) url = flavor.withBatchedInserts(url);
        HikariDataSource ds = options.pool("bench-" + name, url, user, password, flavor.poolSchema(name));
        flavor.open(ds, name);
        return ds;
    }
}
