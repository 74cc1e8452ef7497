package dev.userkit.store.postgres;

import dev.userkit.config.Settings;
import dev.userkit.store.jdbc.ConnectionSettings;
import java.util.Map;

/**
 * Connection settings of the PostgreSQL store (ST3). Precedence, field by field: the values set
 * here, then the settings (environment variables, then a properties file; see {@link Settings}) {@code USERKIT_PG_HOST}, {@code USERKIT_PG_PORT},
 * {@code USERKIT_PG_DB}, {@code USERKIT_PG_USER}, {@code USERKIT_PG_PASSWORD},
 * {@code USERKIT_PG_SCHEMA}, then the connection string ({@link #url()}, or
 * {@code USERKIT_PG_URL}), then defaults (localhost, 5432, database and user {@code postgres},
 * schema {@code public}). The schema is the user space (ST4).
 *
 * @param host server host, or null
 * @param port server port, or null
 * @param database database, or null
 * @param user login, or null
 * @param password password, or null
 * @param schema schema holding UserKit's tables, or null
 * @param url connection string ({@code jdbc:postgresql://...} or {@code postgresql://user:pw@host/db}), or null
 */
public record PostgresSettings(String host, Integer port, String database, String user, String password, String schema,
                               String url) {
    /** Prefix of the environment variables. */
    public static final String ENV_PREFIX = "USERKIT_PG";
    static final ConnectionSettings DEFAULTS = new ConnectionSettings("localhost", 5432, "postgres", "postgres", null, "public");

    /**
     * Nothing set explicitly: everything from the environment or defaults.
     *
     * @return the settings
     */
    public static PostgresSettings fromEnvironment() {
        return new PostgresSettings(null, null, null, null, null, null, null);
    }

    /**
     * Only a connection string.
     *
     * @param url the connection string
     * @return the settings
     */
    public static PostgresSettings fromUrl(String url) {
        return new PostgresSettings(null, null, null, null, null, null, url);
    }

    /**
     * A copy with another schema (user space).
     *
     * @param otherSchema the other schema's name
     * @return the copy
     */
    public PostgresSettings withSchema(String otherSchema) {
        return new PostgresSettings(host, port, database, user, password, otherSchema, url);
    }

    /**
     * Every field filled by the precedence rule from {@link Settings#standard()}: the environment,
     * then the properties file named by {@code USERKIT_CONFIG_FILE}.
     *
     * @return a copy with every field set and {@link #url()} the JDBC URL
     * @throws dev.userkit.config.ConfigException naming the variable if a value is malformed
     */
    public PostgresSettings resolve() {
        return resolve(Settings.standard());
    }

    /**
     * Every field filled by the precedence rule from the variables in {@code env}.
     *
     * @param env the environment variables
     * @return a copy with every field set and {@link #url()} the JDBC URL
     * @throws dev.userkit.config.ConfigException naming the variable if a value is malformed
     */
    public PostgresSettings resolve(Map<String, String> env) {
        return resolve(Settings.of(env));
    }

    /**
     * Every field filled by the precedence rule from {@code settings}; {@link #url()} becomes the JDBC URL.
     *
     * @param settings where the variables are read from
     * @return a copy with every field set
     * @throws dev.userkit.config.ConfigException naming the variable if a value is malformed
     */
    public PostgresSettings resolve(Settings settings) {
        ConnectionSettings c = ConnectionSettings.resolve(new ConnectionSettings(host, port, database, user, password, schema),
                url, settings, ENV_PREFIX, DEFAULTS);
        return new PostgresSettings(c.host(), c.port(), c.database(), c.user(), c.password(), c.schema(),
                "jdbc:postgresql://" + c.host() + ":" + c.port() + "/" + c.database());
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + user + "@" + host + ":" + port + "/" + database + " schema " + schema + "]";
    }
}
