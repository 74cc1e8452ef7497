package dev.userkit.http;

import static dev.userkit.http.EdgeOnLoopback.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.Stores;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What umpack's API contracts ({@link UserApiContract}, {@link UserRoutesContract}) share: one kit
 * over {@link #stores()} mounted in {@link #container()} and reached over real HTTP on loopback, an
 * admin's token, and the request helpers. Tests share the kit and stay independent by using fresh names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class UserApiFixture {
    static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    ApiWorld world;
    private ServletContainer container;
    LoopbackClient client;
    String admin;

    /** The container under test. */
    abstract ServletContainer container();

    /**
     * The stores the kit runs on; the in-memory ones unless a subclass runs the contract on a database.
     *
     * @return empty stores
     */
    protected Stores stores() {
        return InMemoryStores.create();
    }

    @BeforeAll
    void start() throws Exception {
        world = new ApiWorld(stores());
        container = container();
        client = new LoopbackClient(container.start(world.contexts()));
        admin = world.loginWithRole("admin");
    }

    @AfterAll
    void stop() throws Exception {
        container.close();
        world.kit.close();
    }


    // umpack's clients post JSON: the content type goes with every body unless a test sets another
    HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (body != null) all.putIfAbsent("Content-Type", "application/json");
        return client.send(method, path, all, body);
    }

    /** umpack's raw {@code authorization} header, as its API clients send the token. */
    static Map<String, String> auth(String token) {
        return Map.of("authorization", token);
    }

    /** A JSON object of alternating names and values. */
    static String body(Object... namesAndValues) throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return Json.MAPPER.writeValueAsString(m);
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static String unknownId() {
        return dev.userkit.domain.IdGenerator.userId().toString();
    }

    // a container's own refusal of a request line (414, 431, some 400s) has no JSON body; ours always carries a code
    static void assertCodeOrContainerRefusal(HttpResponse<String> r, String what) throws Exception {
        HostileAnswers.assertNoTrace(r, what);
        if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json") && r.statusCode() != 404) {
            assertThat(json(r).has("internalStatus")).as(what + " " + r.body()).isTrue();
        }
    }
}
