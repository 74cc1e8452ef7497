package dev.userkit.store.mariadb;

import dev.userkit.spi.SchemaMode;
import dev.userkit.store.jdbc.SchemaMigrations;
import javax.sql.DataSource;

/**
 * The MariaDB schema helper (ST2): migrations in {@code db/userkit/mariadb}, history in
 * {@code userkit_schema_history} inside the connection's database.
 */
public final class MariaDbSchema {
    private final SchemaMigrations migrations = MariaDbStores.DATABASE.schema(null);

    /**
     * MIGRATE, VALIDATE (StoreException when not current) or NONE, in the data source's database.
     *
     * @param dataSource the database to work on
     * @param mode what to do
     */
    public void apply(DataSource dataSource, SchemaMode mode) {
        migrations.apply(dataSource, mode);
    }

    /**
     * The plain SQL of every migration, in order, for a DBA (run it in the target database).
     *
     * @return the SQL script
     */
    public String exportSql() {
        return migrations.exportSql();
    }

    SchemaMigrations migrations() {
        return migrations;
    }
}
