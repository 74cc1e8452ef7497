package dev.userkit.testkit;

import dev.userkit.spi.Stores;

/**
 * The conformance suite (T1). A store proves itself by extending this class and implementing
 * {@link #emptyStores()}; every nested class then runs against it: one contract class per port
 * and the feature suite, with display names that start with the FEATURES.md or SECURITY.md ID.
 */
public abstract class StoreConformanceSuite {
    /**
     * Stores with no data, called before every test. An implementation may return new stores each
     * time or wipe and return the same ones.
     */
    protected abstract Stores emptyStores();
}
