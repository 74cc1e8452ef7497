package dev.userkit;

import java.time.Duration;
import java.util.Objects;

/**
 * The opt-in validation cache (off by default): a validation whose session was read a moment ago is
 * answered from memory, on Caffeine, which the application then adds to its class path
 * ({@code com.github.ben-manes.caffeine:caffeine}); with the cache off, Caffeine is never loaded.
 *
 * <p>What is cached is the read of a session with its user's status and security stamp, by token hash;
 * every check of a validation (expiry, status, stamp, the sliding write) still runs on it. A revocation
 * made through this instance (logout, sign out everywhere or others, a password change or reset,
 * disabling or deleting a user, a device refusal) is seen at once. One made on another instance is seen
 * within milliseconds on PostgreSQL (LISTEN/NOTIFY), and elsewhere (MariaDB, MongoDB, in memory)
 * after at most {@code staleness}; so are changes to a user's profile made elsewhere.
 *
 * <p>Memory: about 1,140 bytes of heap per cached session with a one-field session-data map (measured
 * with {@code dev.userkit.bench.ValidationCacheFootprint} in the bench module over 100,000 entries, OpenJDK
 * 17); the default 10,000 entries take about 11 MB. Larger session data or profiles add their own size.
 *
 * @param enabled whether validations are cached; default false
 * @param maxSize the most sessions held; default 10,000, at least 1
 * @param staleness how long a cached read is used before it is read again, the bound on how late a
 *                  revocation made elsewhere is seen without a revocation feed; default 5 s, positive
 */
public record ValidationCacheSettings(boolean enabled, int maxSize, Duration staleness) {
    /** Off, with the default size and window should it be turned on. */
    public static final ValidationCacheSettings OFF = new ValidationCacheSettings(false, 10_000, Duration.ofSeconds(5));

    /**
     * Checks the bounds.
     *
     * @param enabled see {@link #enabled()}
     * @param maxSize see {@link #maxSize()}
     * @param staleness see {@link #staleness()}
     */
    public ValidationCacheSettings {
        if (maxSize < 1) throw new IllegalArgumentException("validationCacheMaxSize must be at least 1");
        Objects.requireNonNull(staleness, "validationCacheStaleness");
        if (staleness.isNegative() || staleness.isZero()) throw new IllegalArgumentException("validationCacheStaleness must be positive");
    }
}
