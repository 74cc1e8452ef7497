package dev.userkit.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.store.jdbc.SchemaMode;
import dev.userkit.store.jdbc.testing.TestSpace;
import dev.userkit.testkit.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PostgresStoreModuleTest {
    @Test
    void configureHasNoSideEffects() {
        // nothing listens on port 1: building the injector must not connect
        PostgresStoreModule module = new PostgresStoreModule(
                new PostgresSettings("127.0.0.1", 1, "none", "none", null, "none", null),
                new PoolOptions(1, Duration.ofMillis(250)), SchemaMode.MIGRATE);

        Injector injector = Guice.createInjector(Stage.DEVELOPMENT, module);

        assertThat(injector.getBinding(Stores.class)).isNotNull();
    }

    @Test
    void applicationDataSourceIsMigratedAndUsed() {
        try (TestSpace space = PostgresTestServer.shared().newEmptySpace("module", Duration.ofSeconds(10))) {
            Stores stores = Guice.createInjector(new PostgresStoreModule(space.dataSource(), space.name(), SchemaMode.MIGRATE))
                    .getInstance(Stores.class);

            var ada = Fixtures.sampleUser("ada");
            stores.users().insert(ada);
            assertThat(stores.users().findByUsernameKey("ada")).contains(ada);
        }
    }
}
