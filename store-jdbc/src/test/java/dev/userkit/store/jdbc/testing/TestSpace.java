package dev.userkit.store.jdbc.testing;

import com.zaxxer.hikari.HikariDataSource;
import dev.userkit.spi.Stores;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * One user space (schema or database) of a test server, with its own small pool and the stores
 * over it. {@link #wipe()} empties every UserKit table, children first, so each test starts clean.
 */
public final class TestSpace implements AutoCloseable {
    private static final List<String> TABLES_CHILDREN_FIRST = List.of("userkit_role_grants", "userkit_sessions",
            "userkit_codes", "userkit_devices", "userkit_attempts", "userkit_outbox", "userkit_roles", "userkit_users",
            "userkit_leases");

    private final String name;
    private final HikariDataSource dataSource;
    private final Stores stores;

    /** A space over {@code dataSource}, with stores built by {@code storesOver}. */
    public TestSpace(String name, HikariDataSource dataSource, Function<DataSource, Stores> storesOver) {
        this.name = name;
        this.dataSource = dataSource;
        this.stores = storesOver.apply(dataSource);
    }

    /** The schema or database name. */
    public String name() {
        return name;
    }

    /** The pool. */
    public HikariDataSource dataSource() {
        return dataSource;
    }

    /** The stores over this space. */
    public Stores stores() {
        return stores;
    }

    /** Deletes every row of every UserKit table and returns the stores. */
    public Stores wipe() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES_CHILDREN_FIRST) s.executeUpdate("DELETE FROM " + table);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot wipe " + name, e);
        }
        return stores;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
