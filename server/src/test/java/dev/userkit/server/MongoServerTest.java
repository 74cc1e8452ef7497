package dev.userkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import dev.userkit.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server switched to a MongoDB by its settings (an in-process wire-protocol server stands in), over real HTTP (W5). */
class MongoServerTest {
    private static final String ALICE = "violet harbours hum at dusk";

    @TempDir
    Path work;

    @Test
    @DisplayName("W5 USERKIT_SERVER_STORE=mongo with USERKIT_MONGO_URI: ready, root bootstrapped with its password printed once, sign-up and root login over HTTP")
    void serverOnMongo() throws Exception {
        MongoServer mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        try {
            Settings settings = Settings.of(Map.of("USERKIT_SERVER_STORE", "mongo", "USERKIT_SERVER_PORT", "0",
                    "USERKIT_SERVER_DATA_DIR", work.resolve("data").toString(),
                    "USERKIT_MONGO_URI", "mongodb://127.0.0.1:" + address.getPort() + "/userkit"));
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
            try (UserKitServer server = UserKitServer.start(ServerSettings.read(settings), settings, out)) {
                String url = "http://127.0.0.1:" + server.port();
                assertThat(Http.get(url + "/health/ready", null).statusCode()).isEqualTo(200);
                String password = ServerProcess.rootPasswordIn(printed.toString(StandardCharsets.UTF_8).lines().toList());
                assertThat(password).as("the root password printed on the first start").isNotNull();
                HttpResponse<String> root = Http.login(url, "root", password);
                assertThat(root.statusCode()).as(root.body()).isEqualTo(200);
                HttpResponse<String> signup = Http.postJson(url + "/um/signup",
                        "{\"userName\":\"alice\",\"email\":\"alice@example.com\",\"password\":" + Http.quote(ALICE) + "}", null);
                assertThat(signup.statusCode()).as(signup.body()).isEqualTo(200);
                HttpResponse<String> again = Http.postJson(url + "/um/signup",
                        "{\"userName\":\"alice\",\"email\":\"other@example.com\",\"password\":" + Http.quote(ALICE) + "}", null);
                assertThat(again.statusCode()).isEqualTo(400);
                assertThat(again.body()).contains("\"internalStatus\":602");
            }
        } finally {
            mongo.shutdownNow();
        }
    }
}
