package dev.userkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.Stores;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * An {@link EdgeWorld} mounted in the container {@link #container()} gives, listening on loopback for the
 * whole test class, a client of it, and the request and answer helpers its contracts share.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EdgeOnLoopback {
    EdgeWorld world;
    LoopbackClient client;
    private ServletContainer container;

    /** The container under test. */
    abstract ServletContainer container();

    /** Where the kits' stores come from: in memory unless a subclass says otherwise. */
    Supplier<Stores> stores() {
        return InMemoryStores::create;
    }

    @BeforeAll
    void start() throws Exception {
        world = new EdgeWorld(stores());
        container = container();
        client = new LoopbackClient(container.start(world.contexts()));
    }

    @AfterAll
    void stop() throws Exception {
        container.close();
    }

    // --- helpers for the contracts ---

    HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) throws Exception {
        return client.send(method, path, headers, body);
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    static Map<String, String> cookie(String token) {
        return Map.of("Cookie", "userkit_session=" + token);
    }

    static String credentials(String username) {
        return "{\"username\":\"" + username + "\",\"password\":\"" + EdgeWorld.PASSWORD + "\"}";
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    static void assertError(HttpResponse<String> r, int status, int internalStatus) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json(r).get("internalStatus").asInt()).as(r.body()).isEqualTo(internalStatus);
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    static String setCookie(HttpResponse<String> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no Set-Cookie " + name + " in " + r.headers().allValues("Set-Cookie")));
    }

    static String cookieValue(String setCookie) {
        return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';') < 0 ? setCookie.length() : setCookie.indexOf(';'));
    }
}
