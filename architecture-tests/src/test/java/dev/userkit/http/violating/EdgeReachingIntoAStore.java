package dev.userkit.http.violating;

import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.Stores;

/** Deliberately breaks {@code DRIVING_ADAPTERS_USE_SERVICES_ONLY}: the HTTP edge opening a store itself. */
public class EdgeReachingIntoAStore {
    Stores stores = InMemoryStores.create();
}
