package dev.userkit.store.jdbc;

import java.util.Objects;

/**
 * Everything that makes one SQL database a UserKit store, as data: the generic schema, stores,
 * start-up and module classes of this package are driven by it, so a new database is this
 * description, a {@link SqlDialect} and its migrations.
 *
 * @param name the database's name in messages and logs, e.g. {@code PostgreSQL}
 * @param urlScheme the JDBC URL scheme, e.g. {@code postgresql} for {@code jdbc:postgresql://host:port/db}
 * @param dialect the statements and codes in which this database differs from portable SQL
 * @param migrations classpath folder of the Flyway migrations, e.g. {@code db/userkit/postgres}
 * @param envPrefix prefix of the environment variables, e.g. {@code USERKIT_PG}
 * @param defaults the connection fields used when no source sets them (the password stays null)
 * @param userSpace what holds one set of UserKit's tables (ST4)
 * @param urlOptions the driver options the pools UserKit opens add to the URL ({@code key=value&...}), or empty
 */
public record SqlDatabase(String name, String urlScheme, SqlDialect dialect, String migrations, String envPrefix,
                          ConnectionSettings defaults, UserSpace userSpace, String urlOptions) {
    /** What one user space (ST4) is on a database. */
    public enum UserSpace {
        /** A schema of one database (PostgreSQL): connections put it first on their search path. */
        SCHEMA,
        /** A database of one server (MariaDB): the JDBC URL names it. */
        DATABASE
    }

    /**
     * Checks that every part is there.
     *
     * @param name the database's name in messages and logs
     * @param urlScheme the JDBC URL scheme
     * @param dialect the statements and codes in which this database differs from portable SQL
     * @param migrations classpath folder of the Flyway migrations
     * @param envPrefix prefix of the environment variables
     * @param defaults the connection fields used when no source sets them
     * @param userSpace what holds one set of UserKit's tables
     * @param urlOptions the driver options of UserKit's own pools, or empty
     */
    public SqlDatabase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(urlScheme, "urlScheme");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(migrations, "migrations");
        Objects.requireNonNull(envPrefix, "envPrefix");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(userSpace, "userSpace");
        Objects.requireNonNull(urlOptions, "urlOptions");
    }

    /**
     * The JDBC URL of resolved settings, with the {@link #urlOptions()}.
     *
     * @param c resolved settings
     * @return {@code jdbc:SCHEME://host:port/database}, then {@code ?} and the options if there are any
     */
    public String jdbcUrl(ConnectionSettings c) {
        return "jdbc:" + urlScheme + "://" + c.host() + ":" + c.port() + "/" + c.database()
                + (urlOptions.isEmpty() ? "" : "?" + urlOptions);
    }

    /**
     * The schema a pool's connections use for these settings.
     *
     * @param c resolved settings
     * @return the schema on a SCHEMA database, else null
     */
    public String schemaOf(ConnectionSettings c) {
        return userSpace == UserSpace.SCHEMA ? c.schema() : null;
    }

    /**
     * The migrations of one user space.
     *
     * @param schema the user space on a SCHEMA database; ignored (null allowed) on a DATABASE one
     * @return its migrations
     */
    public SchemaMigrations schema(String schema) {
        return new SchemaMigrations(migrations, userSpace == UserSpace.SCHEMA ? schema : null);
    }

    /**
     * What a start-up tried, for messages and logs.
     *
     * @param c resolved settings
     * @return host, port, database, schema (if used) and user, never the password
     */
    public String describe(ConnectionSettings c) {
        String schema = schemaOf(c);
        return c.host() + ":" + c.port() + ", database " + c.database() + (schema == null ? "" : ", schema " + schema)
                + ", user " + c.user();
    }
}
