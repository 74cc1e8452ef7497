package dev.userkit.spring.boot;

import dev.userkit.spring.boot.app.OrdersApplication;
import dev.userkit.store.jdbc.testing.TestSpace;
import dev.userkit.store.postgres.PostgresTestServer;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application's own {@code DataSource} bean (as spring-boot-starter-jdbc would make it) reused
 * by UserKit: no {@code userkit.store.type}, the store is detected from the pool's database.
 */
@SpringBootTest(classes = {OrdersApplication.class, AppDataSourceStarterTest.AppDatabase.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AppDataSourceStarterTest extends StarterScenario {
    private static TestSpace space;

    @DynamicPropertySource
    static void schema(DynamicPropertyRegistry registry) {
        space = PostgresTestServer.shared().newEmptySpace("bootds", Duration.ofSeconds(10));
        registry.add("userkit.store.schema", space::name);
    }

    @AfterAll
    static void closeSpace() {
        space.close();
    }

    /** The application's pool. */
    @TestConfiguration(proxyBeanMethods = false)
    static class AppDatabase {
        @Bean
        DataSource appDataSource() {
            return space.dataSource();
        }
    }
}
