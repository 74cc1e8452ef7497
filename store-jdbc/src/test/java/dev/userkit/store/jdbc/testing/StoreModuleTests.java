package dev.userkit.store.jdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.userkit.StoreException;
import dev.userkit.UserKit;
import dev.userkit.UserKitModule;
import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.Stores;
import dev.userkit.store.jdbc.ConnectionSettings;
import dev.userkit.store.jdbc.PoolOptions;
import dev.userkit.store.jdbc.SqlStoreModule;
import dev.userkit.testkit.Fixtures;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Guice module of a SQL store: no side effects in configure(), the application's pool used as given, its own pool closed with UserKit. */
public abstract class StoreModuleTests {
    private static final PoolOptions POOL = new PoolOptions(2, Duration.ofSeconds(5));

    /** The server under test. */
    protected abstract SqlTestServer server();

    @Test
    void configureWhenServerIsUnreachableThenConnectsToNothing() {
        // nothing listens on port 1: building the injector must not connect
        ConnectionSettings nowhere = new ConnectionSettings("127.0.0.1", 1, "none", "none", null, "none");
        SqlStoreModule module = new SqlStoreModule(server().database(), () -> nowhere, new PoolOptions(1, Duration.ofMillis(250)),
                SchemaMode.MIGRATE) {};

        Injector injector = Guice.createInjector(Stage.DEVELOPMENT, module);

        assertThat(injector.getBinding(Stores.class)).isNotNull();
    }

    @Test
    void applicationDataSourceIsMigratedAndUsedAndNotClosed() {
        try (TestSpace space = server().newEmptySpace("module", Duration.ofSeconds(10))) {
            Stores stores = Guice.createInjector(new SqlStoreModule(server().database(), space.dataSource(), space.name(),
                    SchemaMode.MIGRATE) {}).getInstance(Stores.class);

            var ada = Fixtures.sampleUser("ada");
            stores.users().insert(ada);
            assertThat(stores.users().findByUsernameKey("ada")).contains(ada);
            stores.close();
            assertThat(space.dataSource().isClosed()).as("the application's pool is the application's to close").isFalse();
        }
    }

    @Test
    void userKitCloseWhenModuleBuiltThePoolThenClosesIt() {
        try (TestSpace space = server().newSpace("module_pool")) {
            ConnectionSettings settings = server().connection(space.name());
            Injector injector = Guice.createInjector(new UserKitModule(), new SqlStoreModule(server().database(), () -> settings,
                    POOL, SchemaMode.VALIDATE) {});
            UserKit kit = injector.getInstance(UserKit.class);
            Stores stores = injector.getInstance(Stores.class);
            stores.users().insert(Fixtures.sampleUser("ada"));

            kit.close();

            assertThatThrownBy(() -> stores.users().findByUsernameKey("ada")).isInstanceOf(StoreException.class);
        }
    }
}
