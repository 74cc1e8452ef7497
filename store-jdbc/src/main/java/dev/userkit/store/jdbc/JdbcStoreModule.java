package dev.userkit.store.jdbc;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.userkit.spi.Stores;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What every SQL store module shares: {@code configure()} only declares, and the stores (with
 * their pool and schema mode) are opened when {@link Stores} is first provided. Subclasses say
 * only how to open their database.
 */
public abstract class JdbcStoreModule extends AbstractModule {
    private final Supplier<Stores> opener;

    /**
     * A module whose stores come from {@code opener}, called once.
     *
     * @param opener opens the stores (pool, schema) when the injector is built
     */
    protected JdbcStoreModule(Supplier<Stores> opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    @Override
    protected final void configure() {
        // Guice modules have no side effects: nothing connects until Stores is provided.
    }

    @Provides
    @Singleton
    Stores stores() {
        return opener.get();
    }
}
