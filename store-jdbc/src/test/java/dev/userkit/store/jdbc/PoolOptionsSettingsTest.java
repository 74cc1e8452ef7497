package dev.userkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.config.ConfigException;
import dev.userkit.config.Settings;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** ST3 and REL-4 for the pool: a documented, fast default connection timeout; explicit beats environment. */
class PoolOptionsSettingsTest {
    @Test
    @DisplayName("REL-4 the default connection timeout is 1 s, so a call fails fast while the database is down")
    void defaultConnectionTimeoutIsOneSecond() {
        assertThat(PoolOptions.DEFAULTS.connectionTimeout()).isEqualTo(PoolOptions.DEFAULT_CONNECTION_TIMEOUT)
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(PoolOptions.fromEnvironment(Map.of(), "USERKIT_PG")).isEqualTo(PoolOptions.DEFAULTS);
    }

    @Test
    @DisplayName("ST3 PREFIX_CONNECTION_TIMEOUT_MS and PREFIX_POOL_SIZE set the pool, each on its own")
    void environmentSetsEachField() {
        PoolOptions timeoutOnly = PoolOptions.fromEnvironment(Map.of("USERKIT_PG_CONNECTION_TIMEOUT_MS", "1500"), "USERKIT_PG");
        assertThat(timeoutOnly).isEqualTo(new PoolOptions(PoolOptions.DEFAULTS.maximumPoolSize(), Duration.ofMillis(1500)));
        PoolOptions sizeOnly = PoolOptions.fromEnvironment(Map.of("USERKIT_MARIADB_POOL_SIZE", "4"), "USERKIT_MARIADB");
        assertThat(sizeOnly).isEqualTo(new PoolOptions(4, PoolOptions.DEFAULT_CONNECTION_TIMEOUT));
    }

    @Test
    @DisplayName("ST3 a malformed or too short timeout in the environment is refused, naming the variable")
    void malformedEnvironmentIsRefused() {
        assertThatThrownBy(() -> PoolOptions.fromEnvironment(Map.of("USERKIT_PG_CONNECTION_TIMEOUT_MS", "1s"), "USERKIT_PG"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("USERKIT_PG_CONNECTION_TIMEOUT_MS");
        assertThatThrownBy(() -> PoolOptions.fromEnvironment(Map.of("USERKIT_PG_CONNECTION_TIMEOUT_MS", "100"), "USERKIT_PG"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("USERKIT_PG_CONNECTION_TIMEOUT_MS")
                .hasMessageContaining("250 ms");
    }

    @Test
    @DisplayName("ST3 pool options from a properties file, the environment winning")
    void fromPropertiesFile() {
        Settings file = Settings.properties(new StringReader(String.join("\n",
                "userkit.pg.pool.size=3", "userkit.pg.connection.timeout.ms=900")), "userkit.properties");
        Settings settings = Settings.of(Map.of("USERKIT_PG_POOL_SIZE", "6")).orElse(file);

        assertThat(PoolOptions.from(settings, "USERKIT_PG")).isEqualTo(new PoolOptions(6, Duration.ofMillis(900)));
    }
}
