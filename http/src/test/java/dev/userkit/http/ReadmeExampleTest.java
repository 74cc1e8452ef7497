package dev.userkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.http.example.MyApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The module README's mounting example is the code that runs here, in both containers. */
class ReadmeExampleTest {
    private static final Path SOURCE = Path.of("src/test/java/dev/userkit/http/example/MyApplication.java");
    private static final Path README = Path.of("README.md");

    static List<Supplier<ServletContainer>> containers() {
        return List.of(JettyContainer::new, TomcatContainer::new);
    }

    @Test
    @DisplayName("W1 the README shows MyApplication's mounting code word for word")
    void readmeShowsTheTestedCode() throws Exception {
        String source = Files.readString(SOURCE);
        String code = source.substring(source.indexOf("// readme:start\n") + "// readme:start\n".length(), source.indexOf("    // readme:end"));
        // without its final line break, so that stripIndent measures the code's own lines
        assertThat(Files.readString(README)).contains("```java\n" + code.substring(0, code.length() - 1).stripIndent() + "\n```");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("containers")
    @DisplayName("W1 W3 the README's application: public pages open, the rest 401 until the bootstrapped root logs in")
    void readmeApplicationRuns(Supplier<ServletContainer> make) throws Exception {
        try (ServletContainer container = make.get()) {
            String base = "http://127.0.0.1:" + container.start(Map.of("", new MyApplication()));
            HttpClient http = HttpClient.newHttpClient();
            assertThat(get(http, base + "/", Map.of()).body()).isEqualTo("hello stranger");
            assertThat(get(http, base + "/admin", Map.of()).statusCode()).isEqualTo(401);
            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"root\",\"password\":\"" + MyApplication.ROOT_PASSWORD_FOR_TESTS + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("userkit_session="))
                    .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
            assertThat(get(http, base + "/admin", Map.of("Cookie", cookie)).body()).isEqualTo("hello root");
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
