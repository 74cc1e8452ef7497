package dev.userkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userkit.ClientContext;
import dev.userkit.domain.UserId;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * umpack's role, action, metadata and set-up routes (W2, R6) over real HTTP on
 * loopback, in whichever container {@link #container()} gives, on the stores {@link #stores()}
 * gives: every route and every status it can answer. The API is bootstrapped over its own
 * {@code POST /um/initialization}, so the admin role it creates is what lets the root in. The device
 * and token-check routes are {@link DeviceApiContract}'s.
 */
abstract class RoleApiContract extends RoleApiFixture {
    // --- set-up (R6) ---

    @Test
    @DisplayName("R6 W2 POST /initialization answers {success, password} once; then 400 with 602, and the root's password, role and devices stay")
    void initializationOnce() throws Exception {
        assertThat(firstInit.get("success").asBoolean()).isTrue();
        assertThat(rootPassword).isNotBlank();
        assertError(send("POST", "/um/initialization", Map.of(), "{\"password\":\"a password of my own choosing\"}"), 400, 602);
        assertError(send("POST", "/um/initialization", Map.of(), "{\"umBaseUrl\":\"/x\"}"), 400, 602);
        assertThat(world.login("root", rootPassword)).isNotBlank();
        assertThat(world.kit.access().findRole("admin").orElseThrow().permissions()).singleElement()
                .satisfies(p -> assertThat(p.pattern()).isEqualTo("/um/**"));
        assertError(send("POST", "/dev/um/initialization", Map.of(), "{\"deviceToken\":\"" + DAVE_DEVICE + "\"}"), 400, 602);
        UserId devRoot = world.devices.accounts().findByUsername("root").orElseThrow().id();
        assertThat(world.devices.devices().list(devRoot)).hasSize(1);
    }

    @Test
    @DisplayName("R6 W2 the admin role from bootstrap governs the API: root passes; no token 401 606, a bad token 401 607, a user without a role 403 609; the rest of the site stays closed to root")
    void adminRoleGoverns() throws Exception {
        assertThat(send("GET", "/um/roles", root(), null).statusCode()).isEqualTo(200);
        assertError(send("GET", "/um/roles", Map.of(), null), 401, 606);
        assertError(send("GET", "/um/roles", bearer("not-a-session-token"), null), 401, 607);
        String bob = world.login("bob", RoleApiWorld.PASSWORD);
        assertError(send("GET", "/um/roles", bearer(bob), null), 403, 609);
        assertError(send("POST", "/um/roles", bearer(bob), "{\"name\":\"mine\"}"), 403, 609);
        assertError(send("GET", "/elsewhere", root(), null), 403, 609);
    }

    @Test
    @DisplayName("R6 W2 under device control POST /initialization needs the device token and permits the root's device: root passes from it, 403 806 from no other")
    void initializationWithDevice() throws Exception {
        String token = world.devices.sessions().login("root", devRootPassword,
                new ClientContext("203.0.113.7", ROOT_DEVICE, "TestAgent/1.0")).token();
        assertThat(send("GET", "/dev/um/roles", with(bearer(token), "X-Device-Token", ROOT_DEVICE), null).statusCode()).isEqualTo(200);
        assertError(send("GET", "/dev/um/roles", with(bearer(token), "X-Device-Token", DAVE_DEVICE), null), 403, 806);
        assertError(send("GET", "/dev/um/roles", bearer(token), null), 403, 806);
    }

    // --- roles (R1) ---

    @Test
    @DisplayName("W2 R1 GET /roles, POST /roles, GET, PUT and DELETE /roles/{roleName} answer umpack's shapes")
    void roles() throws Exception {
        assertSuccess(send("POST", "/um/roles", root(), "{\"name\":\"editor\",\"description\":\"edits pages\"}"));
        JsonNode list = json(send("GET", "/um/roles", root(), null));
        assertThat(list.isArray()).isTrue();
        assertThat(list.findValuesAsText("name")).contains("admin", "editor");
        JsonNode editor = json(send("GET", "/um/roles/editor", root(), null));
        assertThat(editor.get("name").asText()).isEqualTo("editor");
        assertThat(editor.get("description").asText()).isEqualTo("edits pages");
        assertThat(editor.get("actions").isArray()).isTrue();

        assertSuccess(send("PUT", "/um/roles/editor", root(), "{\"name\":\"writer\",\"description\":\"writes pages\"}"));
        assertError(send("GET", "/um/roles/editor", root(), null), 400, 701);
        assertThat(json(send("GET", "/um/roles/writer", root(), null)).get("description").asText()).isEqualTo("writes pages");
        assertSuccess(send("PUT", "/um/roles/writer", root(), "{\"description\":\"only the text\"}"));
        assertThat(json(send("GET", "/um/roles/writer", root(), null)).get("description").asText()).isEqualTo("only the text");

        assertSuccess(send("DELETE", "/um/roles/writer", root(), null));
        assertError(send("GET", "/um/roles/writer", root(), null), 400, 701);
        assertError(send("DELETE", "/um/roles/writer", root(), null), 400, 701);
    }

    @Test
    @DisplayName("W2 R1 role refusals: 702 for a taken name (create or rename, nothing half-written), 701 for a malformed or unknown name, 1010 for a description too long or a field of the wrong type")
    void roleRefusals() throws Exception {
        assertSuccess(send("POST", "/um/roles", root(), "{\"name\":\"taken\"}"));
        assertSuccess(send("POST", "/um/roles", root(), "{\"name\":\"other\",\"description\":\"kept\"}"));
        assertError(send("POST", "/um/roles", root(), "{\"name\":\"taken\"}"), 400, 702);
        assertError(send("PUT", "/um/roles/other", root(), "{\"name\":\"taken\",\"description\":\"changed\"}"), 400, 702);
        assertThat(json(send("GET", "/um/roles/other", root(), null)).get("description").asText()).isEqualTo("kept");
        assertError(send("PUT", "/um/roles/other", root(), "{\"name\":\"fine\",\"description\":\"" + "d".repeat(3_000) + "\"}"), 400, 1010);
        assertThat(json(send("GET", "/um/roles/other", root(), null)).get("name").asText()).isEqualTo("other");
        assertError(send("POST", "/um/roles", root(), "{\"name\":\"has space\"}"), 400, 701);
        assertError(send("POST", "/um/roles", root(), "{}"), 400, 701);
        assertError(send("POST", "/um/roles", root(), "{\"name\":7}"), 400, 1010);
        assertError(send("PUT", "/um/roles/nobody", root(), "{\"description\":\"x\"}"), 400, 701);
    }

    // --- actions (R2, R6) ---

    @Test
    @DisplayName("W2 R2 R6 POST /roles/{roleName}/actions answers {success, actionId}; GET shows the action with its verb flags (verbPatch, verbOptions too); PUT by id renames it and keeps the id; DELETE by id removes it")
    void actions() throws Exception {
        assertSuccess(send("POST", "/um/roles", root(), "{\"name\":\"pages\"}"));
        HttpResponse<String> added = send("POST", "/um/roles/pages/actions", root(),
                "{\"pattern\":\"/api/*\",\"name\":\"read\",\"verbGet\":true,\"verbPost\":false,\"verbHead\":\"true\",\"verbPatch\":true}");
        assertSuccess(added);
        String id = json(added).get("actionId").asText();
        assertThat(id).isNotBlank();
        JsonNode action = json(send("GET", "/um/roles/pages", root(), null)).get("actions").get(0);
        assertThat(action.get("id").asText()).isEqualTo(id);
        assertThat(action.get("pattern").asText()).isEqualTo("/api/*");
        assertThat(action.get("name").asText()).isEqualTo("read");
        Map<String, Boolean> flags = new HashMap<>();
        for (String f : List.of("verbGet", "verbPost", "verbPut", "verbDelete", "verbHead", "verbPatch", "verbOptions")) {
            flags.put(f, action.get(f).asBoolean());
        }
        assertThat(flags).containsEntry("verbGet", true).containsEntry("verbHead", true).containsEntry("verbPatch", true)
                .containsEntry("verbPost", false).containsEntry("verbPut", false).containsEntry("verbDelete", false)
                .containsEntry("verbOptions", false);

        assertSuccess(send("PUT", "/um/roles/pages/actions/" + id, root(),
                "{\"pattern\":\"/api/something\",\"name\":\"renamed\",\"verbGet\":true,\"verbPut\":true,\"verbDelete\":false}"));
        JsonNode after = json(send("GET", "/um/roles/pages", root(), null)).get("actions").get(0);
        assertThat(after.get("id").asText()).isEqualTo(id);
        assertThat(after.get("name").asText()).isEqualTo("renamed");
        assertThat(after.get("pattern").asText()).isEqualTo("/api/something");
        assertThat(after.get("verbPut").asBoolean()).isTrue();
        assertThat(after.get("verbHead").asBoolean()).isFalse();

        assertSuccess(send("DELETE", "/um/roles/pages/actions/" + id, root(), null));
        assertThat(json(send("GET", "/um/roles/pages", root(), null)).get("actions")).isEmpty();
        assertError(send("DELETE", "/um/roles/pages/actions/" + id, root(), null), 400, 703);
    }

    @Test
    @DisplayName("W2 R2 an action the API adds governs the API: a role with GET /um/roles lets its holder list roles, and nothing else")
    void actionsGovern() throws Exception {
        assertSuccess(send("POST", "/um/roles", root(), "{\"name\":\"auditor\"}"));
        assertSuccess(send("POST", "/um/roles/auditor/actions", root(), "{\"pattern\":\"/um/roles\",\"name\":\"list\",\"verbGet\":true}"));
        world.kit.access().grant(world.kit.accounts().findByUsername("meta").orElseThrow().id(), "auditor");
        String meta = world.login("meta", RoleApiWorld.PASSWORD);
        assertThat(send("GET", "/um/roles", bearer(meta), null).statusCode()).isEqualTo(200);
        assertError(send("GET", "/um/roles/auditor", bearer(meta), null), 403, 609);
        assertError(send("POST", "/um/roles", bearer(meta), "{\"name\":\"x\"}"), 403, 609);
    }

    @Test
    @DisplayName("W2 R2 action refusals: 703 for a bad pattern, no verb, a bad name or an unknown action id; 704 for a pattern or name the role has; 701 for an unknown role; 1010 for a verb flag that is no boolean")
    void actionRefusals() throws Exception {
        assertSuccess(send("POST", "/um/roles", root(), "{\"name\":\"strict\"}"));
        assertSuccess(send("POST", "/um/roles/strict/actions", root(), "{\"pattern\":\"/a/**\",\"name\":\"a\",\"verbGet\":true}"));
        assertError(send("POST", "/um/roles/strict/actions", root(), "{\"pattern\":\"/a/**\",\"name\":\"b\",\"verbGet\":true}"), 400, 704);
        assertError(send("POST", "/um/roles/strict/actions", root(), "{\"pattern\":\"/b\",\"name\":\"a\",\"verbGet\":true}"), 400, 704);
        assertError(send("POST", "/um/roles/strict/actions", root(), "{\"pattern\":\"/api/{id}\",\"name\":\"c\",\"verbGet\":true}"), 400, 703);
        assertError(send("POST", "/um/roles/strict/actions", root(), "{\"pattern\":\"/c\",\"name\":\"c\"}"), 400, 703);
        assertError(send("POST", "/um/roles/strict/actions", root(), "{\"pattern\":\"/c\",\"name\":\"a name\",\"verbGet\":true}"), 400, 703);
        assertError(send("POST", "/um/roles/strict/actions", root(), "{\"name\":\"c\",\"verbGet\":true}"), 400, 703);
        assertError(send("POST", "/um/roles/strict/actions", root(), "{\"pattern\":\"/c\",\"name\":\"c\",\"verbGet\":1}"), 400, 1010);
        assertError(send("PUT", "/um/roles/strict/actions/no-such-action", root(), "{\"pattern\":\"/c\",\"name\":\"c\",\"verbGet\":true}"), 400, 703);
        assertError(send("POST", "/um/roles/nobody/actions", root(), "{\"pattern\":\"/c\",\"name\":\"c\",\"verbGet\":true}"), 400, 701);
        assertThat(json(send("GET", "/um/roles/strict", root(), null)).get("actions")).hasSize(1);
    }

    // --- bodies, routes, hostile paths ---

    @Test
    @DisplayName("W2 malformed JSON and a body that is no object are 400 with 1010; a body over the cap is 413; an unknown route 404; another method 405 with Allow")
    void bodiesAndRoutes() throws Exception {
        assertError(send("POST", "/um/roles", root(), "{\"name\":"), 400, 1010);
        assertError(send("POST", "/um/roles", root(), "[\"name\"]"), 400, 1010);
        assertError(send("PUT", "/um/metadata", root(), "{\"a\":1,\"a\":2}"), 400, 1010);
        HttpResponse<String> big = send("POST", "/um/roles", root(), "{\"name\":\"" + "x".repeat(RoleApiWorld.MAX_BODY) + "\"}");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(send("GET", "/um/no-such-route", root(), null).statusCode()).isEqualTo(404);
        HttpResponse<String> wrong = send("PATCH", "/um/roles/admin", root(), "{}");
        assertThat(wrong.statusCode()).isEqualTo(405);
        assertThat(wrong.headers().firstValue("Allow").orElseThrow()).contains("GET", "PUT", "DELETE");
    }

    @Test
    @DisplayName("W2 hostile path segments (%2F, .., control characters, $where, a long name) in the role and action routes are 4xx with a code, never a 500")
    void hostileSegments() throws Exception {
        List<String> segments = List.of("a%2Fb", "..", "%2E%2E", "a%00b", "a%0Ab", "%24where", "%7B%22%24ne%22%3A1%7D",
                "x".repeat(300), "caf%C3%A9", "a%20b", "a;b=c");
        for (String s : segments) {
            for (String route : List.of("GET /um/roles/%s", "DELETE /um/roles/%s", "PUT /um/roles/%s",
                    "POST /um/roles/%s/actions", "PUT /um/roles/admin/actions/%s", "DELETE /um/roles/admin/actions/%s",
                    "GET /um/users/%s/devices")) {
                String[] parts = route.split(" ");
                String path = parts[1].replace("%s", s);
                HttpResponse<String> r = send(parts[0], path, root(), parts[0].equals("GET") || parts[0].equals("DELETE") ? null : "{\"value\":1}");
                boolean edge = HostileAnswers.assertRefused(r, route + " with " + s);
                if (edge && r.statusCode() != 404) assertThat(json(r).path("internalStatus").isInt()).as(route + " " + s + ": " + r.body()).isTrue();
            }
        }
        assertThat(world.kit.access().findRole("admin").orElseThrow().permissions()).hasSize(1);
    }

    // --- metadata (A9) ---

    @Test
    @DisplayName("W2 GET and PUT /metadata and PUT /metadata/{fieldName} work on the caller's own user; 1009 for a bad field name, 1010 without value, 401 606 without a token")
    void metadata() throws Exception {
        Map<String, String> me = root();
        HttpResponse<String> put = send("PUT", "/um/metadata", me, "{\"organizationId\":\"2222\",\"level\":3}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(json(put).get("message").asText()).isEqualTo("metadata updated");
        assertThat(json(send("GET", "/um/metadata", me, null))).isEqualTo(Json.MAPPER.readTree("{\"organizationId\":\"2222\",\"level\":3}"));
        HttpResponse<String> field = send("PUT", "/um/metadata/level", me, "{\"value\":{\"nested\":[1,2]}}");
        assertThat(json(field).get("message").asText()).isEqualTo("metadata key: level updated");
        assertThat(json(send("GET", "/um/metadata", me, null)).get("level")).isEqualTo(Json.MAPPER.readTree("{\"nested\":[1,2]}"));
        assertSuccess(send("PUT", "/um/metadata/level", me, "{\"value\":null}"));
        assertThat(json(send("GET", "/um/metadata", me, null)).has("level")).isFalse();
        assertError(send("PUT", "/um/metadata/%24where", me, "{\"value\":1}"), 400, 1009);
        assertError(send("PUT", "/um/metadata/level", me, "{}"), 400, 1010);
        assertError(send("PUT", "/um/metadata", me, "{\"$set\":1}"), 400, 1009);
        assertError(send("GET", "/um/metadata", Map.of(), null), 401, 606);
    }
}
