package dev.userkit.testkit;

import dev.userkit.spi.SessionAccess;
import dev.userkit.spi.SessionReads;
import dev.userkit.spi.SessionWithUser;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * A store's {@link SessionReads} that counts the validation reads reaching it. Given to a kit with the
 * validation cache on ({@code stores.toBuilder().sessionReads(counting)}), it counts the cache's misses:
 * the cache sits in front of whatever reads the kit is given. Thread-safe.
 */
public final class CountingSessionReads implements SessionReads {
    private final SessionReads store;
    private final LongAdder validationReads = new LongAdder();

    /**
     * Counts the validation reads of {@code store}.
     *
     * @param store the reads to count and pass on
     */
    public CountingSessionReads(SessionReads store) {
        this.store = store;
    }

    /**
     * The validation reads so far.
     *
     * @return how many times {@link #findWithUser} was called
     */
    public long validationReads() {
        return validationReads.sum();
    }

    @Override
    public Optional<SessionWithUser> findWithUser(String tokenHash) {
        validationReads.increment();
        return store.findWithUser(tokenHash);
    }

    @Override
    public Optional<SessionAccess> findWithRoles(String tokenHash) {
        return store.findWithRoles(tokenHash);
    }
}
