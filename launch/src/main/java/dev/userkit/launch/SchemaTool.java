package dev.userkit.launch;

import dev.userkit.config.Settings;
import dev.userkit.spi.SchemaMode;
import dev.userkit.store.mariadb.MariaDbSchema;
import dev.userkit.store.postgres.PostgresSchema;
import dev.userkit.store.postgres.PostgresSettings;

/**
 * The schema of the database the launch settings name (ST2), through the store modules' schema
 * helpers: migrate it, check that it is current, or export its SQL for a DBA.
 */
public final class SchemaTool {
    private SchemaTool() {}

    /**
     * Brings the schema up to date (idempotent: a current schema is left as it is).
     *
     * @param settings the launch settings
     * @param all every setting
     * @throws dev.userkit.StoreException if the database refuses
     */
    public static void migrate(LaunchSettings settings, Settings all) {
        Launch.open(settings, all, SchemaMode.MIGRATE).close();
    }

    /**
     * Checks that the schema is current, changing nothing.
     *
     * @param settings the launch settings
     * @param all every setting
     * @throws dev.userkit.StoreException naming what is missing or pending if it is not current
     */
    public static void validate(LaunchSettings settings, Settings all) {
        Launch.open(settings, all, SchemaMode.VALIDATE).close();
    }

    /**
     * Whether the store has a SQL schema to export (MongoDB's collections and indexes are made by
     * {@link #migrate} instead).
     *
     * @param kind the store
     * @return true for the PostgreSQL stores and MariaDB
     */
    public static boolean hasSql(StoreKind kind) {
        return kind != StoreKind.MONGO;
    }

    /**
     * The SQL of every migration, in order, for the chosen database (the PostgreSQL schema named by
     * {@code USERKIT_PG_SCHEMA}, default {@code public}); no database is reached.
     *
     * @param kind the store, one that {@link #hasSql has SQL}
     * @param all every setting
     * @return the SQL script
     * @throws IllegalArgumentException for MongoDB
     */
    public static String exportSql(StoreKind kind, Settings all) {
        return switch (kind) {
            case EMBEDDED_POSTGRES, POSTGRES -> new PostgresSchema(PostgresSettings.fromEnvironment().resolve(all).schema()).exportSql();
            case MARIADB -> new MariaDbSchema().exportSql();
            case MONGO -> throw new IllegalArgumentException("MongoDB has no SQL schema: schema migrate makes its collections and indexes");
        };
    }
}
