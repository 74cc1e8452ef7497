package dev.userkit.store.jdbc;

import dev.userkit.spi.Stores;
import javax.sql.DataSource;

/**
 * Builds every UserKit port over one {@link DataSource} and {@link SqlDialect}. The schema must
 * exist (see {@link SchemaMigrations}); the data source is used as given (pooled or not) and never closed.
 */
public final class JdbcStores {
    private JdbcStores() {}

    /** The store bundle; its unit of work binds one connection and transaction to the calling thread. */
    public static Stores create(DataSource dataSource, SqlDialect dialect) {
        Jdbc jdbc = new Jdbc(dataSource, dialect);
        return new Stores(new JdbcUserStore(jdbc), new JdbcSessionStore(jdbc), new JdbcCodeStore(jdbc),
                new JdbcRoleStore(jdbc), new JdbcDeviceStore(jdbc), new JdbcAttemptStore(jdbc), jdbc::unitOfWork);
    }
}
