package dev.userkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userkit.ClientContext;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.Stores;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * What the role and device API contracts ({@link RoleApiContract}, {@link DeviceApiContract}) share:
 * a {@link RoleApiWorld} mounted in the container {@link #container()} gives, bootstrapped over its own
 * {@code POST /um/initialization} and {@code /dev/um/initialization} (the root's passwords kept), a
 * client on loopback, and the request and answer helpers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RoleApiFixture {
    static final String ROOT_DEVICE = "root-device-token-0123456789abcdefXYZ";
    static final String DAVE_DEVICE = "dave-device-token-0123456789abcdefXYZ";
    RoleApiWorld world;
    LoopbackClient client;
    private ServletContainer container;
    JsonNode firstInit;
    String rootPassword;
    String devRootPassword;

    /** The container under test. */
    abstract ServletContainer container();

    /**
     * Fresh, empty stores for one kit; called once per kit.
     *
     * @return new in-memory stores unless a subclass says otherwise
     */
    protected Stores stores() {
        return InMemoryStores.create();
    }

    @BeforeAll
    void start() throws Exception {
        world = new RoleApiWorld(this::stores);
        container = container();
        client = new LoopbackClient(container.start(world.contexts()));
        HttpResponse<String> init = send("POST", "/um/initialization", Map.of(), "{}");
        assertThat(init.statusCode()).as(init.body()).isEqualTo(200);
        firstInit = json(init);
        rootPassword = firstInit.get("password").asText();
        HttpResponse<String> dev = send("POST", "/dev/um/initialization", Map.of(), "{\"deviceToken\":\"" + ROOT_DEVICE + "\"}");
        assertThat(dev.statusCode()).as(dev.body()).isEqualTo(200);
        devRootPassword = json(dev).get("password").asText();
    }

    @AfterAll
    void stop() throws Exception {
        container.close();
    }


    Map<String, String> root() {
        return bearer(world.login("root", rootPassword));
    }

    String devRootToken() {
        return world.devices.sessions().login("root", devRootPassword, new ClientContext("203.0.113.7", ROOT_DEVICE, "TestAgent/1.0")).token();
    }

    Map<String, String> devRoot() {
        return with(bearer(devRootToken()), "X-Device-Token", ROOT_DEVICE);
    }

    HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) throws Exception {
        Map<String, String> all = new HashMap<>(headers);
        if (body != null) all.put("Content-Type", "application/json");
        return client.send(method, path, all, body);
    }

    static Map<String, String> forward(Map<String, String> headers, String method, String uri) {
        return with(with(headers, "X-Original-Method", method), "X-Original-URI", uri);
    }

    static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> out = new HashMap<>(headers);
        out.put(name, value);
        return out;
    }

    static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return Json.MAPPER.readTree(r.body());
    }

    static void assertSuccess(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("success").asBoolean()).as(r.body()).isTrue();
    }

    static void assertError(HttpResponse<String> r, int status, int internalStatus) throws Exception {
        if (r.request().method().equals("HEAD")) {
            assertHead(r, status, internalStatus);
            return;
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json(r).get("internalStatus").asInt()).as(r.body()).isEqualTo(internalStatus);
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    static void assertHead(HttpResponse<String> r, int status, int internalStatus) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue(SetupApiRoutes.STATUS_HEADER)).contains(Integer.toString(internalStatus));
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(r.body()).isEmpty();
    }
}
