package dev.userkit.store.jdbc;

import dev.userkit.config.Settings;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Connection fields shared by the SQL stores' settings records (ST3), with the precedence rule:
 * explicit values, then named settings ({@link Settings}: environment variables, then a properties
 * file), then a connection string, merged field by field.
 *
 * @param host server host
 * @param port server port
 * @param database database name (MariaDB: the user space)
 * @param user login
 * @param password password
 * @param schema schema (PostgreSQL: the user space)
 */
public record ConnectionSettings(String host, Integer port, String database, String user, String password, String schema) {
    /** No field set. */
    public static final ConnectionSettings EMPTY = new ConnectionSettings(null, null, null, null, null, null);

    /**
     * Each field of this, or of {@code fallback} where this one has none.
     *
     * @param fallback the settings to take missing fields from
     * @return the merged settings
     */
    public ConnectionSettings orElse(ConnectionSettings fallback) {
        return new ConnectionSettings(first(host, fallback.host), first(port, fallback.port), first(database, fallback.database),
                first(user, fallback.user), first(password, fallback.password), first(schema, fallback.schema));
    }

    /**
     * Merges the three sources field by field: {@code explicit} first, then the variables
     * {@code PREFIX_*} of {@code env}, then the connection string ({@code url}, or the variable
     * {@code PREFIX_URL} when {@code url} is null), then {@code defaults}.
     *
     * @param explicit the values the application set, winning over the rest
     * @param url a connection string, or null to read {@code PREFIX_URL}
     * @param env the environment variables
     * @param prefix the variables' prefix, e.g. {@code USERKIT_PG}
     * @param defaults the values used where no source has one
     * @return the merged settings
     */
    public static ConnectionSettings resolve(ConnectionSettings explicit, String url, Map<String, String> env, String prefix,
                                             ConnectionSettings defaults) {
        return resolve(explicit, url, Settings.of(env), prefix, defaults);
    }

    /**
     * Merges the sources field by field: {@code explicit} first, then the settings {@code PREFIX_*},
     * then the connection string ({@code url}, or the setting {@code PREFIX_URL} when {@code url} is
     * null), then {@code defaults}.
     *
     * @param explicit the values the application set, winning over the rest
     * @param url a connection string, or null to read {@code PREFIX_URL}
     * @param settings where the {@code PREFIX_*} values are read from
     * @param prefix the settings' prefix, e.g. {@code USERKIT_PG}
     * @param defaults the values used where no source has one
     * @return the merged settings
     * @throws dev.userkit.config.ConfigException naming the variable if the port is not a whole number
     */
    public static ConnectionSettings resolve(ConnectionSettings explicit, String url, Settings settings, String prefix,
                                             ConnectionSettings defaults) {
        String connectionString = url != null ? url : settings.string(prefix + "_URL").orElse(null);
        return explicit.orElse(from(settings, prefix)).orElse(parse(connectionString)).orElse(defaults);
    }

    /**
     * {@link #from(Settings, String)} over the variables in {@code env}.
     *
     * @param env the environment variables
     * @param prefix the variables' prefix, e.g. {@code USERKIT_PG}
     * @return the settings the variables hold, each absent one null
     * @throws dev.userkit.config.ConfigException naming the variable if the port is not a whole number
     */
    public static ConnectionSettings fromEnvironment(Map<String, String> env, String prefix) {
        return from(Settings.of(env), prefix);
    }

    /**
     * Reads {@code PREFIX_HOST, _PORT, _DB, _USER, _PASSWORD, _SCHEMA}.
     *
     * @param settings where the values are read from
     * @param prefix the settings' prefix, e.g. {@code USERKIT_PG}
     * @return the settings found, each absent one null
     * @throws dev.userkit.config.ConfigException naming the variable if the port is not a whole number
     */
    public static ConnectionSettings from(Settings settings, String prefix) {
        return new ConnectionSettings(settings.string(prefix + "_HOST").orElse(null), settings.integer(prefix + "_PORT").orElse(null),
                settings.string(prefix + "_DB").orElse(null), settings.string(prefix + "_USER").orElse(null),
                settings.string(prefix + "_PASSWORD").orElse(null), settings.string(prefix + "_SCHEMA").orElse(null));
    }

    /**
     * Parses a connection string: {@code jdbc:postgresql://host:port/db?user=u&password=p&currentSchema=s},
     * {@code postgresql://u:p@host:port/db}, {@code jdbc:mariadb://...}, {@code mariadb://...} or {@code mysql://...}.
     * Null or blank gives {@link #EMPTY}.
     *
     * @param url the connection string, or null
     * @return the settings it holds
     */
    public static ConnectionSettings parse(String url) {
        if (url == null || url.isBlank()) return EMPTY;
        String s = url.strip();
        if (s.startsWith("jdbc:")) s = s.substring(5);
        URI uri = URI.create(s);
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) query.put(pair.substring(0, eq), decode(pair.substring(eq + 1)));
            }
        }
        String user = query.get("user");
        String password = query.get("password");
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            if (parts.length > 1) password = decode(parts[1]);
        }
        String path = uri.getPath();
        String database = path == null || path.length() <= 1 ? null : decode(path.substring(1));
        String schema = query.getOrDefault("currentSchema", query.get("schema"));
        return new ConnectionSettings(uri.getHost(), uri.getPort() < 0 ? null : uri.getPort(), database, user, password, schema);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }

    @Override
    public String toString() {
        // never print the password
        return "ConnectionSettings[" + user + "@" + host + ":" + port + "/" + database + (schema == null ? "" : "?schema=" + schema) + "]";
    }
}
