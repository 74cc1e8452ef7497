package dev.userkit.store.postgres;

import dev.userkit.spi.SchemaMode;
import dev.userkit.store.jdbc.SchemaMigrations;
import javax.sql.DataSource;

/**
 * The PostgreSQL schema helper (ST2): migrations in {@code db/userkit/postgres}, history in
 * {@code userkit_schema_history} inside the chosen schema.
 */
public final class PostgresSchema {
    private final SchemaMigrations migrations;

    /**
     * The helper for one schema (user space); it is created if missing.
     *
     * @param schema the schema's name
     */
    public PostgresSchema(String schema) {
        this.migrations = PostgresStores.DATABASE.schema(schema);
    }

    /**
     * MIGRATE, VALIDATE (StoreException when not current) or NONE.
     *
     * @param dataSource the database to work on
     * @param mode what to do
     */
    public void apply(DataSource dataSource, SchemaMode mode) {
        migrations.apply(dataSource, mode);
    }

    /**
     * The plain SQL of every migration, in order, for a DBA (run it in the target schema).
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
