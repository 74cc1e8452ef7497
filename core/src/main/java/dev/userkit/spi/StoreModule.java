package dev.userkit.spi;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;

/**
 * The one shape of every store module (a template, as Guice's persist extension has
 * {@code PersistModule}): {@link #configure()} is final and declares only, so installing a store
 * module connects to nothing; the store is opened by {@link #openStores()} when {@link Stores} is
 * first provided (at injector creation in production stage), once. {@code UserKitModule} requires
 * that binding, so an injector without a store module fails when it is built.
 *
 * <p>A store module that opens a pool or a client registers it with
 * {@link Stores.Builder#closeWith(AutoCloseable)}, so that {@code UserKit.close()} (or
 * {@link Stores#close()}) closes it; a module over the application's own data source or client
 * registers nothing.
 */
public abstract class StoreModule extends AbstractModule {
    /** For subclasses. */
    protected StoreModule() {}

    @Override
    protected final void configure() {
        // no side effects: nothing connects until Stores is provided
    }

    /**
     * Opens the store: connects, applies the schema mode, builds the ports. Called once.
     *
     * @return the store bundle, owning what it opened
     * @throws dev.userkit.StoreException if the store cannot start; whatever it opened is closed first
     */
    protected abstract Stores openStores();

    @Provides
    @Singleton
    final Stores stores() {
        return openStores();
    }
}
