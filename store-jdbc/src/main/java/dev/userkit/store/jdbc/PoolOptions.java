package dev.userkit.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Objects;

/**
 * Size and timeouts of the HikariCP pool a store module builds from settings.
 *
 * @param maximumPoolSize most connections at once
 * @param connectionTimeout how long a call waits for a connection before failing with a StoreException (REL-4)
 */
public record PoolOptions(int maximumPoolSize, Duration connectionTimeout) {
    /** Ten connections, a five-second wait. */
    public static final PoolOptions DEFAULTS = new PoolOptions(10, Duration.ofSeconds(5));

    /** Checks the values. */
    public PoolOptions {
        if (maximumPoolSize < 1) throw new IllegalArgumentException("maximumPoolSize must be at least 1");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
    }

    /**
     * A pool over {@code jdbcUrl}. The pool connects lazily (no connection at construction), so an
     * unreachable server fails the first call rather than start-up; closing it is the caller's job.
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
        cfg.setValidationTimeout(Math.min(connectionTimeout.toMillis(), 5000));
        cfg.setInitializationFailTimeout(-1);
        return new HikariDataSource(cfg);
    }
}
