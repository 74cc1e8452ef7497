package dev.userkit.memory;

import dev.userkit.spi.StoreModule;
import dev.userkit.spi.Stores;

/** Binds a fresh in-memory store bundle; install it next to {@link dev.userkit.UserKitModule}. */
public final class InMemoryStoreModule extends StoreModule {
    @Override
    protected Stores openStores() {
        return InMemoryStores.create();
    }
}
