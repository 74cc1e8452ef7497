package dev.userkit.store.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import dev.userkit.StoreException;
import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.Stores;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a SQL store starts, the same for every {@link SqlDatabase}: check the connection, apply the
 * schema mode, build the stores, log one line saying which store, where and which schema version.
 * A failure is a StoreException naming what was tried and the root cause (see {@link StartupFailure}).
 */
public final class SqlStoreStart {
    private static final Logger LOG = LoggerFactory.getLogger(SqlStoreStart.class);

    private SqlStoreStart() {}

    /**
     * Opens a HikariCP pool from resolved settings and the stores over it; the stores own the pool
     * ({@link Stores#close()} closes it). One connection is tried directly first, so that a wrong
     * password, an unknown database or a refused port fails at once with the driver's reason instead of
     * after the pool's connection timeout; a failure after the pool is opened closes it.
     *
     * @param database the database
     * @param settings every field resolved (host, port, database, user; the schema on a SCHEMA database)
     * @param pool the pool's size and timeouts (the connection timeout also bounds the first connection)
     * @param mode what to do about the schema
     * @return the stores, owning the pool
     * @throws StoreException naming what was tried and the root cause, if the store cannot start
     */
    public static Stores pooled(SqlDatabase database, ConnectionSettings settings, PoolOptions pool, SchemaMode mode) {
        String where = database.describe(settings);
        String url = database.jdbcUrl(settings);
        probe(database, url, settings, pool, where);
        HikariDataSource dataSource = pool.pool("userkit-" + database.urlScheme(), url, settings.user(), settings.password(),
                database.schemaOf(settings));
        try {
            return open(database, dataSource, settings.schema(), mode, where).toBuilder().closeWith(dataSource).build();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    /**
     * The stores over the application's own data source (never closed by them), after applying {@code mode}.
     *
     * @param database the database
     * @param dataSource the application's data source
     * @param schema the user space on a SCHEMA database (the connections must have it first on their search
     *               path); ignored, and may be null, on a DATABASE one, whose data source names the database
     * @param mode what to do about the schema
     * @return the stores, owning nothing
     * @throws StoreException naming the root cause, if the schema cannot be migrated or validated
     */
    public static Stores own(SqlDatabase database, DataSource dataSource, String schema, SchemaMode mode) {
        String where = "the application's data source"
                + (database.userSpace() == SqlDatabase.UserSpace.SCHEMA ? ", schema " + schema : "");
        return open(database, dataSource, schema, mode, where);
    }

    private static Stores open(SqlDatabase database, DataSource dataSource, String schema, SchemaMode mode, String where) {
        SchemaMigrations migrations = database.schema(schema);
        try {
            migrations.apply(dataSource, mode);
            // the key-ring version is logged where UserKit is built (it is not the store's to know)
            LOG.info("UserKit store {} at {}: schema version {} ({})", database.name(), where,
                    migrations.currentVersion(dataSource), mode);
        } catch (StoreException e) {
            throw StartupFailure.of(database, where, e);
        }
        return JdbcStores.create(dataSource, database.dialect());
    }

    private static void probe(SqlDatabase database, String url, ConnectionSettings settings, PoolOptions pool, String where) {
        Properties props = new Properties();
        if (settings.user() != null) props.setProperty("user", settings.user());
        if (settings.password() != null) props.setProperty("password", settings.password());
        database.dialect().limitConnectTime(props, pool.connectionTimeout());
        try (Connection ignored = DriverManager.getConnection(url, props)) {
            // reachable, authenticated, the database exists: the pool may start
        } catch (SQLException e) {
            throw StartupFailure.of(database, where, e);
        }
    }
}
