package dev.userkit.store.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.config.Settings;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MariaDbSettingsTest {
    @Test
    @DisplayName("ST3 explicit values beat USERKIT_MARIADB_* variables, which beat the connection string, field by field")
    void precedenceIsFieldByField() {
        Map<String, String> env = Map.of("USERKIT_MARIADB_PASSWORD", "env-pw", "USERKIT_MARIADB_DB", "env_db",
                "USERKIT_MARIADB_URL", "mariadb://url-user:url-pw@url-host:3307/url_db");

        MariaDbSettings s = new MariaDbSettings(null, null, "space_a", null, null, null).resolve(env);

        assertThat(s).extracting(MariaDbSettings::host, MariaDbSettings::port, MariaDbSettings::database,
                MariaDbSettings::user, MariaDbSettings::password).containsExactly("url-host", 3307, "space_a", "url-user", "env-pw");
        assertThat(s.url()).isEqualTo("jdbc:mariadb://url-host:3307/space_a?useServerPrepStmts=true");
    }

    @Test
    @DisplayName("ST3 nothing given: localhost:3306, database userkit, user root")
    void defaults() {
        assertThat(MariaDbSettings.fromEnvironment().resolve(Map.of()).url()).isEqualTo("jdbc:mariadb://localhost:3306/userkit?useServerPrepStmts=true");
    }

    @Test
    @DisplayName("ST3 USERKIT_MARIADB_* from a properties file, after the environment")
    void propertiesFile() {
        Settings file = Settings.properties(new StringReader(String.join("\n",
                "userkit.mariadb.host=file-host", "userkit.mariadb.port=3310", "userkit.mariadb.db=file_db")), "userkit.properties");
        Settings settings = Settings.of(Map.of("USERKIT_MARIADB_DB", "env_db")).orElse(file);

        assertThat(MariaDbSettings.fromEnvironment().resolve(settings).url()).isEqualTo("jdbc:mariadb://file-host:3310/env_db?useServerPrepStmts=true");
    }
}
