package dev.userkit.memory;

import com.google.inject.AbstractModule;
import dev.userkit.spi.Stores;

/** Binds a fresh in-memory store bundle; install it next to {@link dev.userkit.UserKitModule}. */
public final class InMemoryStoreModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(Stores.class).toInstance(InMemoryStores.create());
    }
}
