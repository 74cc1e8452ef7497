package dev.userkit.store.mariadb;

import dev.userkit.config.Settings;
import dev.userkit.store.jdbc.ConnectionSettings;
import java.util.Map;

/**
 * Connection settings of the MariaDB store (ST3). Precedence, field by field: the values set
 * here, then the settings (environment variables, then a properties file; see {@link Settings}) {@code USERKIT_MARIADB_HOST}, {@code USERKIT_MARIADB_PORT},
 * {@code USERKIT_MARIADB_DB}, {@code USERKIT_MARIADB_USER}, {@code USERKIT_MARIADB_PASSWORD},
 * then the connection string ({@link #url()}, or {@code USERKIT_MARIADB_URL}), then defaults
 * (localhost, 3306, database {@code userkit}, user {@code root}). The database is the user space (ST4).
 *
 * @param host server host, or null
 * @param port server port, or null
 * @param database database holding UserKit's tables, or null
 * @param user login, or null
 * @param password password, or null
 * @param url connection string ({@code jdbc:mariadb://...}, {@code mariadb://user:pw@host/db} or {@code mysql://...}), or null
 */
public record MariaDbSettings(String host, Integer port, String database, String user, String password, String url) {
    /** Prefix of the environment variables. */
    public static final String ENV_PREFIX = "USERKIT_MARIADB";
    /**
     * The driver options of the pools UserKit opens on MariaDB: statements prepared on the server, once per
     * connection, then run by id in the binary protocol. The driver's default sends each statement's whole
     * text to be parsed again, and its columns' descriptions back with every result (with this and the
     * stores' reading by column position, validation and authorisation ran 14-65 % more calls per second
     * at 4 and 16 threads: README, Performance). Each connection keeps at most the driver's
     * {@code prepStmtCacheSize} (250) statements on the server, counted against the server's
     * {@code max_prepared_stmt_count}; UserKit runs a few dozen, and a server that will prepare no more
     * still serves every call (the driver then sends the statement as text).
     */
    public static final String URL_OPTIONS = "useServerPrepStmts=true";
    static final ConnectionSettings DEFAULTS = new ConnectionSettings("localhost", 3306, "userkit", "root", null, null);

    /**
     * Nothing set explicitly: everything from the environment or defaults.
     *
     * @return the settings
     */
    public static MariaDbSettings fromEnvironment() {
        return new MariaDbSettings(null, null, null, null, null, null);
    }

    /**
     * Only a connection string.
     *
     * @param url the connection string
     * @return the settings
     */
    public static MariaDbSettings fromUrl(String url) {
        return new MariaDbSettings(null, null, null, null, null, url);
    }

    /**
     * A copy with another database (user space).
     *
     * @param otherDatabase the other database's name
     * @return the copy
     */
    public MariaDbSettings withDatabase(String otherDatabase) {
        return new MariaDbSettings(host, port, otherDatabase, user, password, url);
    }

    /**
     * Every field filled by the precedence rule from {@link Settings#standard()}: the environment,
     * then the properties file named by {@code USERKIT_CONFIG_FILE}.
     *
     * @return a copy with every field set and {@link #url()} the JDBC URL
     * @throws dev.userkit.config.ConfigException naming the variable if a value is malformed
     */
    public MariaDbSettings resolve() {
        return resolve(Settings.standard());
    }

    /**
     * Every field filled by the precedence rule from the variables in {@code env}.
     *
     * @param env the environment variables
     * @return a copy with every field set and {@link #url()} the JDBC URL
     * @throws dev.userkit.config.ConfigException naming the variable if a value is malformed
     */
    public MariaDbSettings resolve(Map<String, String> env) {
        return resolve(Settings.of(env));
    }

    /**
     * Every field filled by the precedence rule from {@code settings}; {@link #url()} becomes the JDBC URL.
     *
     * @param settings where the variables are read from
     * @return a copy with every field set
     * @throws dev.userkit.config.ConfigException naming the variable if a value is malformed
     */
    public MariaDbSettings resolve(Settings settings) {
        ConnectionSettings c = ConnectionSettings.resolve(new ConnectionSettings(host, port, database, user, password, null),
                url, settings, ENV_PREFIX, DEFAULTS);
        return new MariaDbSettings(c.host(), c.port(), c.database(), c.user(), c.password(),
                MariaDbStores.DATABASE.jdbcUrl(c));
    }

    @Override
    public String toString() {
        return "MariaDbSettings[" + user + "@" + host + ":" + port + "/" + database + "]";
    }
}
