package dev.userkit.server;

import dev.userkit.config.ConfigException;
import dev.userkit.config.Settings;
import dev.userkit.spi.SchemaMode;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The server's own settings (the README's "Server" table); the store, SMTP and kit settings are
 * read by their own modules from the same {@link Settings}.
 *
 * @param port the HTTP port (0 picks a free one)
 * @param bind the address to listen on
 * @param dataDir the folder holding the key ring and the embedded PostgreSQL's data
 * @param store which store to run on
 * @param schemaMode what the server does about the store's schema at start
 * @param baseUrl the address links in mail point to
 * @param shutdownGrace how long a stop waits for requests in flight
 * @param rootUser the root user's name, created on first start
 * @param rootEmail the root user's email
 */
public record ServerSettings(int port, String bind, Path dataDir, StoreKind store, SchemaMode schemaMode, String baseUrl,
                             Duration shutdownGrace, String rootUser, String rootEmail) {
    /** {@code USERKIT_SERVER_PORT}, {@code --port}; default 8080. */
    public static final String PORT = "USERKIT_SERVER_PORT";
    /** {@code USERKIT_SERVER_BIND}, {@code --bind}; default 127.0.0.1. */
    public static final String BIND = "USERKIT_SERVER_BIND";
    /** {@code USERKIT_SERVER_DATA_DIR}, {@code --data-dir}; default {@code ./userkit-data}. */
    public static final String DATA_DIR = "USERKIT_SERVER_DATA_DIR";
    /** {@code USERKIT_SERVER_STORE}, {@code --store}; default {@code embedded-postgres}. */
    public static final String STORE = "USERKIT_SERVER_STORE";
    /** {@code USERKIT_SERVER_SCHEMA}, {@code --schema}: migrate (default), validate or none. */
    public static final String SCHEMA = "USERKIT_SERVER_SCHEMA";
    /** {@code USERKIT_SERVER_BASE_URL}, {@code --base-url}; default {@code http://BIND:PORT}. */
    public static final String BASE_URL = "USERKIT_SERVER_BASE_URL";
    /** {@code USERKIT_SERVER_SHUTDOWN_GRACE}, {@code --shutdown-grace}; default 10s. */
    public static final String SHUTDOWN_GRACE = "USERKIT_SERVER_SHUTDOWN_GRACE";
    /** {@code USERKIT_SERVER_ROOT_USER}; default {@code root}. */
    public static final String ROOT_USER = "USERKIT_SERVER_ROOT_USER";
    /** {@code USERKIT_SERVER_ROOT_EMAIL}; default {@code root@userkit.localhost}. */
    public static final String ROOT_EMAIL = "USERKIT_SERVER_ROOT_EMAIL";

    /**
     * Reads every setting, defaults where absent.
     *
     * @param s where to read
     * @return the settings
     * @throws ConfigException naming the variable if a value is malformed or out of range
     */
    public static ServerSettings read(Settings s) {
        int port = s.integer(PORT).orElse(8080);
        if (port < 0 || port > 65535) throw new ConfigException(PORT, PORT + " must be 0-65535, not " + port);
        String bind = s.string(BIND).orElse("127.0.0.1");
        StoreKind store = s.value(STORE, StoreKind::parse).orElse(StoreKind.EMBEDDED_POSTGRES);
        SchemaMode schema = s.choice(SCHEMA, SchemaMode.class).orElse(SchemaMode.MIGRATE);
        Duration grace = s.duration(SHUTDOWN_GRACE).orElse(Duration.ofSeconds(10));
        if (grace.isNegative()) throw new ConfigException(SHUTDOWN_GRACE, SHUTDOWN_GRACE + " must not be negative");
        return new ServerSettings(port, bind, Path.of(s.string(DATA_DIR).orElse("userkit-data")), store, schema,
                s.string(BASE_URL).orElse(null), grace, s.string(ROOT_USER).orElse("root"),
                s.string(ROOT_EMAIL).orElse("root@userkit.localhost"));
    }

    /**
     * The address links point to: {@link #baseUrl()}, else this server's own.
     *
     * @param boundPort the port actually listened on
     * @return e.g. {@code http://127.0.0.1:8080}
     */
    public String linkBase(int boundPort) {
        return baseUrl != null ? baseUrl : "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + boundPort;
    }
}
