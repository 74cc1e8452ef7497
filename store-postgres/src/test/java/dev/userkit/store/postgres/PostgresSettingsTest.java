package dev.userkit.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.config.ConfigException;
import dev.userkit.config.Settings;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PostgresSettingsTest {
    private static final Map<String, String> ENV = Map.of(
            "USERKIT_PG_HOST", "env-host",
            "USERKIT_PG_USER", "env-user",
            "USERKIT_PG_URL", "jdbc:postgresql://url-host:6543/url-db?user=url-user&password=url-pw&currentSchema=url_schema");

    @Test
    @DisplayName("ST3 explicit values beat environment variables, which beat the connection string, field by field")
    void precedenceIsFieldByField() {
        PostgresSettings explicit = new PostgresSettings(null, null, null, "app", null, "space_a", null);

        PostgresSettings s = explicit.resolve(ENV);

        assertThat(s.user()).isEqualTo("app");
        assertThat(s.schema()).isEqualTo("space_a");
        assertThat(s.host()).isEqualTo("env-host");
        assertThat(s.port()).isEqualTo(6543);
        assertThat(s.database()).isEqualTo("url-db");
        assertThat(s.password()).isEqualTo("url-pw");
        assertThat(s.url()).isEqualTo("jdbc:postgresql://env-host:6543/url-db");
    }

    @Test
    @DisplayName("ST3 a given connection string beats USERKIT_PG_URL; user info in the URL is read")
    void givenUrlBeatsEnvironmentUrl() {
        PostgresSettings s = PostgresSettings.fromUrl("postgresql://u:p%40ss@db.example:5433/app").resolve(Map.of(
                "USERKIT_PG_URL", "jdbc:postgresql://other:1/other"));

        assertThat(s).extracting(PostgresSettings::host, PostgresSettings::port, PostgresSettings::database,
                PostgresSettings::user, PostgresSettings::password).containsExactly("db.example", 5433, "app", "u", "p@ss");
    }

    @Test
    @DisplayName("ST3 nothing given: localhost:5432, database and user postgres, schema public")
    void defaults() {
        PostgresSettings s = PostgresSettings.fromEnvironment().resolve(Map.of());

        assertThat(s.url()).isEqualTo("jdbc:postgresql://localhost:5432/postgres");
        assertThat(s.user()).isEqualTo("postgres");
        assertThat(s.schema()).isEqualTo("public");
        assertThat(s.toString()).doesNotContain("url-pw");
    }

    @Test
    @DisplayName("ST3 a malformed USERKIT_PG_PORT is refused with the variable's name")
    void badPortIsNamed() {
        assertThatThrownBy(() -> PostgresSettings.fromEnvironment().resolve(Map.of("USERKIT_PG_PORT", "x")))
                .hasMessageContaining("USERKIT_PG_PORT");
    }

    @Test
    @DisplayName("ST3 explicit > environment > properties file > connection string > default, field by field")
    void propertiesFileBetweenEnvironmentAndConnectionString() {
        Settings file = Settings.properties(new StringReader("userkit.pg.host=file-host\nuserkit.pg.user=file-user\nuserkit.pg.db=file-db\n"
                + "userkit.pg.url=jdbc:postgresql://url-host:6543/url-db?password=url-pw"), "userkit.properties");
        Settings settings = Settings.of(Map.of("USERKIT_PG_USER", "env-user")).orElse(file);

        PostgresSettings s = new PostgresSettings(null, null, null, null, null, "space_a", null).resolve(settings);

        assertThat(s).extracting(PostgresSettings::schema, PostgresSettings::user, PostgresSettings::host, PostgresSettings::database,
                PostgresSettings::port, PostgresSettings::password).containsExactly("space_a", "env-user", "file-host", "file-db", 6543, "url-pw");
    }

    @Test
    @DisplayName("ST3 a malformed port in a properties file is a ConfigException naming the key and the file, never the password")
    void badPortInFileIsNamed() {
        Settings file = Settings.properties(new StringReader(String.join("\n",
                "userkit.pg.port=54x", "userkit.pg.password=s3cret-pw")), "userkit.properties");
        assertThatThrownBy(() -> PostgresSettings.fromEnvironment().resolve(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("USERKIT_PG_PORT=54x (userkit.pg.port in userkit.properties)")
                .hasMessageNotContaining("s3cret-pw");
    }
}
