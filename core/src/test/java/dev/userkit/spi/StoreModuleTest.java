package dev.userkit.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.userkit.memory.InMemoryStores;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StoreModuleTest {
    /** Counts how often the store is opened. */
    private static final class CountingModule extends StoreModule {
        final AtomicInteger opened = new AtomicInteger();

        @Override
        protected Stores openStores() {
            opened.incrementAndGet();
            return InMemoryStores.create();
        }
    }

    @Test
    void configureWhenInjectorIsBuiltThenOpensNothing() {
        CountingModule module = new CountingModule();

        Injector injector = Guice.createInjector(Stage.DEVELOPMENT, module);

        assertThat(injector.getBinding(Stores.class)).isNotNull();
        assertThat(module.opened).hasValue(0);
    }

    @Test
    void storesWhenProvidedTwiceThenOpenedOnce() {
        CountingModule module = new CountingModule();
        Injector injector = Guice.createInjector(Stage.DEVELOPMENT, module);

        Stores first = injector.getInstance(Stores.class);

        assertThat(injector.getInstance(Stores.class)).isSameAs(first);
        assertThat(module.opened).hasValue(1);
    }
}
