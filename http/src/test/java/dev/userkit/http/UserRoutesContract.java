package dev.userkit.http;

import static dev.userkit.http.EdgeOnLoopback.assertError;
import static dev.userkit.http.EdgeOnLoopback.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userkit.domain.UserId;
import dev.userkit.spi.MessageKind;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * umpack's user routes (W2) over real HTTP on loopback, in whichever container and on whichever stores
 * {@link UserApiFixture} is given: who may call them, the list, status, roles, reads, renames, profile
 * edits and deletes, their JSON and every status they answer.
 */
abstract class UserRoutesContract extends UserApiFixture {
    // --- the user routes ---

    @Test
    @DisplayName("W2 R4 every user route is 401 606 without a token, 401 607 with a bad one, 403 609 without a permission for it")
    void userRoutesNeedPermission() throws Exception {
        String viewer = world.loginWithRole("viewer");
        String plain = world.loginWithRole(null);
        String id = world.user(world.fresh("target")).toString();
        List<String[]> routes = List.of(new String[] {"GET", "/um/users", null},
                new String[] {"POST", "/um/updateUserStatus", body("id", id, "isActivated", "false")},
                new String[] {"POST", "/um/updateUserRoles", body("userId", id, "roleName", "admin", "enable", "true")},
                new String[] {"GET", "/um/users/" + id, null}, new String[] {"GET", "/um/users/someone/full", null},
                new String[] {"PUT", "/um/users/" + id + "/username", body("userName", "renamed")},
                new String[] {"PUT", "/um/users/" + id + "/info", body("firstName", "X")},
                new String[] {"DELETE", "/um/users/" + id, null});
        for (String[] route : routes) {
            String what = route[0] + " " + route[1];
            assertError(send(route[0], route[1], JSON, route[2]), 401, 606);
            assertError(send(route[0], route[1], Map.of("authorization", "not-a-session-token"), route[2]), 401, 607);
            assertError(send(route[0], route[1], auth(plain), route[2]), 403, 609);
            boolean reads = route[0].equals("GET") && !route[1].endsWith("/full");
            if (!reads) assertError(send(route[0], route[1], auth(viewer), route[2]), 403, 609);
            else assertThat(send(route[0], route[1], auth(viewer), null).statusCode()).as(what).isEqualTo(200);
        }
        assertThat(world.kit.accounts().findById(UserId.parse(id)).orElseThrow().status().name()).isEqualTo("ACTIVE");
    }

    @Test
    @DisplayName("W2 A5 GET /um/users answers umpack's summaries in id order, paged by after and limit (default and at most 100); 1010 for a bad one")
    void listUsers() throws Exception {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) mine.add(world.user(world.fresh("list")).toString());
        JsonNode all = json(send("GET", "/um/users", auth(admin), null));
        assertThat(all.isArray()).isTrue();
        assertThat(all.size()).isBetween(4, 100);
        JsonNode first = all.get(0);
        assertThat(fieldNames(first)).containsExactly("id", "userName", "isActivated", "roles");
        assertThat(first.get("isActivated").isBoolean()).isTrue();
        HttpResponse<String> page = send("GET", "/um/users?after=" + mine.get(0) + "&limit=2", auth(admin), null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(json(page)).extracting(n -> n.get("id").asText()).startsWith(mine.get(1), mine.get(2)).hasSize(2);
        for (String bad : List.of("limit=0", "limit=101", "limit=ten", "limit=-1", "after=not-an-id", "after=%24where")) {
            assertError(send("GET", "/um/users?" + bad, auth(admin), null), 400, 1010);
        }
        assertThat(json(send("GET", "/um/users?limit=100", auth(admin), null)).size()).isLessThanOrEqualTo(100);
    }

    @Test
    @DisplayName("W2 A11 POST /um/updateUserStatus deactivates and activates, answering the summary; 1010 for a bad body, 404 605 for an unknown id")
    void updateUserStatus() throws Exception {
        String name = world.fresh("status");
        String id = world.user(name).toString();
        JsonNode off = json(send("POST", "/um/updateUserStatus", auth(admin), body("id", id, "isActivated", false)));
        assertThat(off.get("id").asText()).isEqualTo(id);
        assertThat(off.get("userName").asText()).isEqualTo(name);
        assertThat(off.get("isActivated").asBoolean()).isFalse();
        assertThat(off.get("roles").isArray()).isTrue();
        assertError(send("POST", "/um/login", JSON, body("userName", name, "password", ApiWorld.PASSWORD)), 400, 603);
        assertThat(json(send("POST", "/um/updateUserStatus", auth(admin), body("id", id, "isActivated", "true"))).get("isActivated").asBoolean()).isTrue();
        assertError(send("POST", "/um/updateUserStatus", auth(admin), body("id", id)), 400, 1010);
        assertError(send("POST", "/um/updateUserStatus", auth(admin), body("id", id, "isActivated", "maybe")), 400, 1010);
        assertError(send("POST", "/um/updateUserStatus", auth(admin), body("id", "../etc", "isActivated", true)), 400, 1010);
        assertError(send("POST", "/um/updateUserStatus", auth(admin), body("id", unknownId(), "isActivated", true)), 404, 605);
    }

    @Test
    @DisplayName("W2 R3 POST /um/updateUserRoles grants and revokes, answering the summary; 701 for an unknown role, 404 605 for an unknown user")
    void updateUserRoles() throws Exception {
        String id = world.user(world.fresh("roles")).toString();
        JsonNode granted = json(send("POST", "/um/updateUserRoles", auth(admin), body("userId", id, "roleName", "viewer", "enable", true)));
        assertThat(granted.get("roles")).extracting(JsonNode::asText).containsExactly("viewer");
        JsonNode revoked = json(send("POST", "/um/updateUserRoles", auth(admin), body("userId", id, "roleName", "viewer", "enable", "false")));
        assertThat(revoked.get("roles")).isEmpty();
        assertError(send("POST", "/um/updateUserRoles", auth(admin), body("userId", id, "roleName", "nosuchrole", "enable", true)), 400, 701);
        assertError(send("POST", "/um/updateUserRoles", auth(admin), body("userId", unknownId(), "roleName", "viewer", "enable", true)), 404, 605);
        assertError(send("POST", "/um/updateUserRoles", auth(admin), body("userId", id, "roleName", "viewer")), 400, 1010);
    }

    @Test
    @DisplayName("W2 A4 A14 GET /um/users/{userId} and /um/users/{userName}/full answer umpack's full user; 400 1010 for a malformed id, 404 605 for an unknown one")
    void readUser() throws Exception {
        String name = world.fresh("read");
        UserId id = world.userWithPhone(name, "+4915122223333");
        world.kit.access().grant(id, "viewer");
        world.kit.accounts().setMetadataField(id, "org", "2222");
        for (String path : List.of("/um/users/" + id, "/um/users/" + name + "/full", "/um/users/" + name.toUpperCase() + "/full")) {
            JsonNode u = json(send("GET", path, auth(admin), null));
            assertThat(fieldNames(u)).as(path).containsExactly("id", "userName", "firstName", "lastName", "email", "phone", "address",
                    "additionalInfo", "isActivated", "roles", "metaData");
            assertThat(u.get("id").asText()).isEqualTo(id.toString());
            assertThat(u.get("phone").asText()).isEqualTo("+4915122223333");
            assertThat(u.get("isActivated").asBoolean()).isTrue();
            assertThat(u.get("roles")).extracting(JsonNode::asText).containsExactly("viewer");
            assertThat(u.get("metaData").get("org").asText()).isEqualTo("2222");
            assertThat(u.toString()).doesNotContain("password").doesNotContain("$argon");
        }
        assertError(send("GET", "/um/users/not-an-id", auth(admin), null), 400, 1010);
        assertError(send("GET", "/um/users/" + unknownId(), auth(admin), null), 404, 605);
        assertError(send("GET", "/um/users/" + world.fresh("ghost") + "/full", auth(admin), null), 404, 605);
    }

    @Test
    @DisplayName("W2 A6 PUT /um/users/{userId}/username renames ({success: true}); 602 for a taken name, 900 for an invalid one, 404 605 for an unknown id")
    void rename() throws Exception {
        UserId id = world.user(world.fresh("rename"));
        String taken = world.fresh("taken");
        world.user(taken);
        String newName = world.fresh("renamed");
        HttpResponse<String> r = send("PUT", "/um/users/" + id + "/username", auth(admin), body("userName", newName));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r)).isEqualTo(Json.MAPPER.readTree("{\"success\":true}"));
        assertThat(world.kit.accounts().findById(id).orElseThrow().username().value()).isEqualTo(newName);
        assertError(send("PUT", "/um/users/" + id + "/username", auth(admin), body("userName", taken)), 400, 602);
        assertError(send("PUT", "/um/users/" + id + "/username", auth(admin), body("userName", "has space")), 400, 900);
        assertError(send("PUT", "/um/users/" + id + "/username", auth(admin), body("userName", 7)), 400, 1010);
        assertError(send("PUT", "/um/users/" + unknownId() + "/username", auth(admin), body("userName", world.fresh("n"))), 404, 605);
    }

    @Test
    @DisplayName("A19 W2 PUT /um/users/{userId}/info changes profile, email and phone without a code, and the old address is told")
    void info() throws Exception {
        String name = world.fresh("info");
        UserId id = world.userWithPhone(name, "+4915133334444");
        world.kit.outbox().deliverPending();
        world.mailer.clear();
        HttpResponse<String> r = send("PUT", "/um/users/" + id + "/info", auth(admin), body("firstName", "Ina", "lastName", "Berg",
                "email", name + "@new.example.com", "phone", "+4915155556666", "address", "Main St 1", "additionalInfo", "vip"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r)).isEqualTo(Json.MAPPER.readTree("{\"success\":true}"));
        JsonNode u = json(send("GET", "/um/users/" + id, auth(admin), null));
        assertThat(u.get("firstName").asText()).isEqualTo("Ina");
        assertThat(u.get("lastName").asText()).isEqualTo("Berg");
        assertThat(u.get("email").asText()).isEqualTo(name + "@new.example.com");
        assertThat(u.get("phone").asText()).isEqualTo("+4915155556666");
        assertThat(u.get("address").asText()).isEqualTo("Main St 1");
        assertThat(u.get("additionalInfo").asText()).isEqualTo("vip");
        world.kit.outbox().deliverPending();
        assertThat(world.mailer.sent()).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.EMAIL_CHANGE_NOTICE);
            assertThat(m.to()).isEqualTo(name + "@example.com");
        });
        send("PUT", "/um/users/" + id + "/info", auth(admin), body("lastName", "Berg-Lind"));
        assertThat(json(send("GET", "/um/users/" + id, auth(admin), null)).get("firstName").asText()).as("absent fields are kept").isEqualTo("Ina");
    }

    @Test
    @DisplayName("A19 W2 PUT /um/users/{userId}/info with a taken email is 400 602 and changes nothing; 901, 804, 1010, 404 605 likewise")
    void infoAllOrNothing() throws Exception {
        String other = world.fresh("other");
        world.user(other);
        UserId id = world.user(world.fresh("keep"));
        JsonNode before = json(send("GET", "/um/users/" + id, auth(admin), null));
        assertError(send("PUT", "/um/users/" + id + "/info", auth(admin), body("firstName", "Changed", "email", other + "@example.com")), 400, 602);
        assertError(send("PUT", "/um/users/" + id + "/info", auth(admin), body("firstName", "Changed", "email", "not an email")), 400, 901);
        assertError(send("PUT", "/um/users/" + id + "/info", auth(admin), body("firstName", "Changed", "phone", "12")), 400, 804);
        assertError(send("PUT", "/um/users/" + id + "/info", auth(admin), body("firstName", 12)), 400, 1010);
        assertError(send("PUT", "/um/users/" + id + "/info", auth(admin), body("firstName", "x".repeat(1_000))), 400, 1010);
        assertError(send("PUT", "/um/users/" + unknownId() + "/info", auth(admin), body("firstName", "Changed")), 404, 605);
        assertThat(json(send("GET", "/um/users/" + id, auth(admin), null))).isEqualTo(before);
    }

    @Test
    @DisplayName("W2 A10 DELETE /um/users/{userId} deletes ({success: true}); then the id is 404 605")
    void delete() throws Exception {
        UserId id = world.user(world.fresh("delete"));
        HttpResponse<String> r = send("DELETE", "/um/users/" + id, auth(admin), null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r)).isEqualTo(Json.MAPPER.readTree("{\"success\":true}"));
        assertError(send("GET", "/um/users/" + id, auth(admin), null), 404, 605);
        assertError(send("DELETE", "/um/users/" + id, auth(admin), null), 404, 605);
        assertError(send("DELETE", "/um/users/1234", auth(admin), null), 400, 1010);
    }
}
