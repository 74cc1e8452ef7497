package dev.userkit.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.userkit.config.ConfigException;
import dev.userkit.config.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Size and timeouts of the HikariCP pool a store module builds from settings.
 *
 * <p>The connection timeout is how long a call waits for a pooled connection before it fails with
 * a StoreException (REL-4). It is the bound on every call while the database is down: the pool
 * keeps trying to connect in the background, and each waiting call gives up after this long. The
 * default, {@link #DEFAULT_CONNECTION_TIMEOUT} (1 s), lets a web request fail fast and answer
 * with an error page or a fallback instead of holding its thread for HikariCP's 30 s (or the 5 s
 * this record used to default to). It is still generous for a healthy pool: a free connection is
 * handed out in microseconds, and opening a new one on a local network (TCP, TLS, authentication)
 * takes milliseconds, so the wait runs out only when the server is unreachable or every connection
 * has been busy for a whole second, an overload that queueing longer would make worse.
 *
 * <p>Precedence: values passed to the constructor are explicit and always win;
 * {@link #from(Settings, String)} reads {@code PREFIX_POOL_SIZE} and
 * {@code PREFIX_CONNECTION_TIMEOUT_MS} (for example {@code USERKIT_PG_CONNECTION_TIMEOUT_MS}) from
 * the environment or a properties file, each falling back to {@link #DEFAULTS}. The connection string has no say here: the drivers'
 * {@code connectTimeout} URL parameter is their socket connect timeout, which the pool's wait bounds anyway.
 *
 * @param maximumPoolSize most connections at once
 * @param connectionTimeout how long a call waits for a connection before failing with a StoreException
 *                          (REL-4); at least 250 ms, HikariCP's floor
 */
public record PoolOptions(int maximumPoolSize, Duration connectionTimeout) {
    /** HikariCP refuses a shorter connection timeout (declared first: DEFAULTS is checked against it). */
    private static final Duration MINIMUM_CONNECTION_TIMEOUT = Duration.ofMillis(250);
    /** The default wait for a connection: 1 s, see the class comment for why. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(1);
    /** Ten connections, a one-second wait. */
    public static final PoolOptions DEFAULTS = new PoolOptions(10, DEFAULT_CONNECTION_TIMEOUT);
    /** HikariCP's own default for how long checking a connection's liveness may take. */
    private static final long MAXIMUM_VALIDATION_MILLIS = 5000;

    /**
     * Checks the values.
     *
     * @param maximumPoolSize see {@link #maximumPoolSize()}
     * @param connectionTimeout see {@link #connectionTimeout()}
     */
    public PoolOptions {
        if (maximumPoolSize < 1) throw new IllegalArgumentException("maximumPoolSize must be at least 1");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (connectionTimeout.compareTo(MINIMUM_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("connectionTimeout must be at least 250 ms");
        }
    }

    /**
     * {@link #from(Settings, String)} over {@link Settings#standard()}: the environment, then {@code USERKIT_CONFIG_FILE}.
     *
     * @param prefix the settings' prefix, e.g. {@code USERKIT_PG}
     * @return the options found, defaults filling the gaps
     * @throws ConfigException naming the variable, if a value is not a whole number or out of range
     */
    public static PoolOptions fromEnvironment(String prefix) {
        return from(Settings.standard(), prefix);
    }

    /**
     * {@link #from(Settings, String)} over the variables in {@code env}.
     *
     * @param env the environment variables
     * @param prefix the variables' prefix, e.g. {@code USERKIT_PG}
     * @return the options found, defaults filling the gaps
     * @throws ConfigException naming the variable, if a value is not a whole number or out of range
     */
    public static PoolOptions fromEnvironment(Map<String, String> env, String prefix) {
        return from(Settings.of(env), prefix);
    }

    /**
     * Options from {@code PREFIX_POOL_SIZE} and {@code PREFIX_CONNECTION_TIMEOUT_MS}, each one that
     * is absent or blank taken from {@link #DEFAULTS}.
     *
     * @param settings where the values are read from
     * @param prefix the settings' prefix, e.g. {@code USERKIT_PG}
     * @return the options found, defaults filling the gaps
     * @throws ConfigException naming the variable, if a value is not a whole number or out of range
     */
    public static PoolOptions from(Settings settings, String prefix) {
        int size = settings.integer(prefix + "_POOL_SIZE").orElse(DEFAULTS.maximumPoolSize);
        Duration timeout = settings.millis(prefix + "_CONNECTION_TIMEOUT_MS").orElse(DEFAULTS.connectionTimeout);
        try {
            return new PoolOptions(size, timeout);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(prefix + "_POOL_SIZE", prefix + "_POOL_SIZE or " + prefix + "_CONNECTION_TIMEOUT_MS: " + e.getMessage());
        }
    }

    /**
     * A pool over {@code jdbcUrl}. The pool connects lazily (no connection at construction), so an
     * unreachable server fails the first call rather than start-up; closing it is the caller's job.
     *
     * @param poolName the pool's name, in its log lines and metrics
     * @param jdbcUrl the JDBC URL
     * @param user the database user
     * @param password the database password
     * @param schema the schema connections start in, or null for the server's default
     * @return the pool, to be closed by the caller
     */
    public HikariDataSource pool(String poolName, String jdbcUrl, String user, String password, String schema) {
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName(poolName);
        cfg.setJdbcUrl(jdbcUrl);
        cfg.setUsername(user);
        cfg.setPassword(password);
        if (schema != null) cfg.setSchema(schema);
        cfg.setMaximumPoolSize(maximumPoolSize);
        cfg.setMinimumIdle(Math.min(2, maximumPoolSize));
        cfg.setConnectionTimeout(connectionTimeout.toMillis());
        // a liveness check may not outlast the wait it is part of
        cfg.setValidationTimeout(Math.min(connectionTimeout.toMillis(), MAXIMUM_VALIDATION_MILLIS));
        cfg.setInitializationFailTimeout(-1);
        return new HikariDataSource(cfg);
    }
}
