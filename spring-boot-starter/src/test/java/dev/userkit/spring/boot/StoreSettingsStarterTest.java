package dev.userkit.spring.boot;

import dev.userkit.spring.boot.app.OrdersApplication;
import dev.userkit.store.jdbc.ConnectionSettings;
import dev.userkit.store.jdbc.testing.TestSpace;
import dev.userkit.store.postgres.PostgresTestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The application on UserKit's own store settings ({@code userkit.store.*}) over a real PostgreSQL. */
@SpringBootTest(classes = OrdersApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StoreSettingsStarterTest extends StarterScenario {
    private static TestSpace space;

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        PostgresTestServer server = PostgresTestServer.shared();
        // an empty schema of its own; the starter's store migrates it with its own pool
        space = server.newEmptySpace("boot", Duration.ofSeconds(10));
        ConnectionSettings c = server.connection(space.name());
        registry.add("userkit.store.type", () -> "postgres");
        registry.add("userkit.store.url", () -> "jdbc:postgresql://" + c.host() + ":" + c.port() + "/" + c.database());
        registry.add("userkit.store.user", c::user);
        registry.add("userkit.store.password", () -> c.password() == null ? "" : c.password());
        registry.add("userkit.store.schema", space::name);
    }

    @AfterAll
    static void closeSpace() {
        space.close();
    }
}
