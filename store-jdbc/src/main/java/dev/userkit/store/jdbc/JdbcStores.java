package dev.userkit.store.jdbc;

import dev.userkit.spi.Stores;
import javax.sql.DataSource;

/**
 * Builds every UserKit port over one {@link DataSource} and {@link SqlDialect}. The schema must
 * exist (see {@link SchemaMigrations}); the data source is used as given (pooled or not) and never closed.
 */
public final class JdbcStores {
    private JdbcStores() {}

    /**
     * The store bundle; its unit of work binds one connection and transaction to the calling thread,
     * and its {@link Stores#sessionReads()} read a session with its user (and roles) in one joined statement.
     *
     * @param dataSource where the connections come from
     * @param dialect the database's SQL differences
     * @return the stores
     */
    public static Stores create(DataSource dataSource, SqlDialect dialect) {
        Jdbc jdbc = new Jdbc(dataSource, dialect);
        JdbcRoleStore roles = new JdbcRoleStore(jdbc);
        return Stores.builder().users(new JdbcUserStore(jdbc)).sessions(new JdbcSessionStore(jdbc))
                .codes(new JdbcCodeStore(jdbc)).roles(roles).devices(new JdbcDeviceStore(jdbc))
                .attempts(new JdbcAttemptStore(jdbc)).outbox(new JdbcOutboxStore(jdbc)).unitOfWork(jdbc::unitOfWork)
                .maintenanceLock(new JdbcMaintenanceLock(jdbc))
                .revocationFeed(dialect.revocationFeed(dataSource).orElse(null))
                // last: setting the session, user or role store drops the reads that join them
                .sessionReads(new JdbcSessionReads(jdbc, new RoleBodies(roles))).build();
    }
}
