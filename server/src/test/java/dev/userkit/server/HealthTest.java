package dev.userkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.config.Settings;
import dev.userkit.launch.EmbeddedDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The health routes over real HTTP, with the store up and then gone (W5). */
class HealthTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("W5 /health/ready is 200 while the store answers and 503 once the database is gone; /health/live stays 200; the root redirects to the pages")
    void readyFollowsTheStore() throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(work.resolve("pg"));
        Settings settings = Settings.of(Map.of("USERKIT_SERVER_STORE", "postgres", "USERKIT_SERVER_PORT", "0",
                "USERKIT_SERVER_DATA_DIR", work.resolve("data").toString())).orElse(database.connection());
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try (UserKitServer server = UserKitServer.start(ServerSettings.read(settings), settings, out)) {
            String url = "http://127.0.0.1:" + server.port();
            assertThat(Http.get(url + "/health/ready", null).statusCode()).isEqualTo(200);
            HttpResponse<String> home = Http.get(url + "/", null);
            assertThat(home.statusCode()).as("the root sends a person to the pages").isEqualTo(302);
            assertThat(home.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/pages/account"));
            database.close();
            assertThat(Http.get(url + "/health/ready", null).statusCode()).isEqualTo(503);
            assertThat(Http.get(url + "/health/live", null).statusCode()).isEqualTo(200);
        }
    }
}
