package dev.userkit.testkit;

import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.Stores;

/** The whole suite against the in-memory reference store. */
class InMemoryConformanceTest extends StoreConformanceSuite {
    @Override
    protected Stores emptyStores() {
        return InMemoryStores.create();
    }
}
