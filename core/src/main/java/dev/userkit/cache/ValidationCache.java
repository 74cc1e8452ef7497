package dev.userkit.cache;

import dev.userkit.ValidationCacheSettings;
import dev.userkit.spi.Stores;
import java.time.Clock;

/**
 * Installs the opt-in validation cache in a kit's stores. This class names no Caffeine type: the kit
 * refers to it only when the cache is on, so that Caffeine is needed on the class path only then.
 */
public final class ValidationCache {
    private ValidationCache() {}

    /**
     * {@code stores} with validation reads cached, and the session store, the user store and the unit of
     * work telling the cache about every revocation made through them; if the store has a
     * {@link dev.userkit.spi.RevocationFeed}, the cache subscribes to it too, until the returned stores close.
     *
     * @param stores the store bundle the kit was given
     * @param settings the cache's size and staleness window
     * @param clock the kit's clock, which session expiry is judged by
     * @return a copy of {@code stores} with the cache in front of its reads
     */
    public static Stores install(Stores stores, ValidationCacheSettings settings, Clock clock) {
        CachedSessionReads cache = new CachedSessionReads(stores.sessionReads(), settings, clock);
        CommitAwareRevocations revocations = new CommitAwareRevocations(cache);
        Stores.Builder cached = stores.toBuilder()
                .users(new RevokingUserStore(stores.users(), revocations))
                .sessions(new RevokingSessionStore(stores.sessions(), revocations))
                .unitOfWork(revocations.around(stores.unitOfWork()))
                .sessionReads(cache);
        stores.revocationFeed().ifPresent(feed -> cached.closeWith(feed.subscribe(cache)));
        return cached.build();
    }
}
