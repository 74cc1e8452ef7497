package dev.userkit.spi;

import dev.userkit.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a {@link Stores} bundle owns (a pool, a client), shared by the bundle and its copies, so
 * closing any copy closes each resource once, newest first. {@link #and} makes a new set for a
 * builder that registers one more, leaving the bundles built before it alone.
 */
final class StoreResources {
    private final List<AutoCloseable> owned;
    private final AtomicBoolean closed = new AtomicBoolean();

    private StoreResources(List<AutoCloseable> owned) {
        this.owned = List.copyOf(owned);
    }

    /** The empty set, for a new bundle. */
    static StoreResources none() {
        return new StoreResources(List.of());
    }

    StoreResources and(AutoCloseable resource) {
        List<AutoCloseable> more = new ArrayList<>(owned);
        more.add(resource);
        return new StoreResources(more);
    }

    /** Closes every resource, newest first, on the first call only. @throws StoreException after trying all, if one failed */
    void close() {
        if (!closed.compareAndSet(false, true)) return;
        StoreException failure = null;
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                if (failure == null) failure = new StoreException("Closing the store failed: " + e, e);
                else failure.addSuppressed(e);
            }
        }
        if (failure != null) throw failure;
    }
}
