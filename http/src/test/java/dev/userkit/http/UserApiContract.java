package dev.userkit.http;

import static dev.userkit.http.EdgeOnLoopback.assertError;
import static dev.userkit.http.EdgeOnLoopback.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userkit.ClientContext;
import dev.userkit.domain.UserId;
import dev.userkit.spi.MessageKind;
import dev.userkit.testkit.hostile.HostileInputs;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * umpack's auth and reset routes and how the API meets bad bodies, methods and hostile input (W2),
 * over real HTTP on loopback, in whichever container {@link #container()} gives and on whichever
 * stores {@link #stores()} gives: every route, its request and response JSON, and every status it
 * answers (200; 400 with the domain code; 401 and 403 from the filter; 404; 413; 429 with
 * Retry-After). Tests share one kit and stay independent by using fresh names. The user routes are
 * {@link UserRoutesContract}'s.
 */
abstract class UserApiContract extends UserApiFixture {
    // --- POST /login, /signup, /resetpass ---

    @Test
    @DisplayName("W2 POST /um/login by userName or email answers the session token as a JSON string, sets no cookie, is not cached")
    void login() throws Exception {
        String name = world.fresh("login");
        world.user(name);
        for (String body : List.of(body("userName", name, "password", ApiWorld.PASSWORD),
                body("email", name + "@example.com", "password", ApiWorld.PASSWORD))) {
            HttpResponse<String> r = send("POST", "/um/login", JSON, body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.headers().allValues("Set-Cookie")).isEmpty();
            assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
            String token = json(r).asText();
            assertThat(world.kit.sessions().validate(token).user().orElseThrow().username().value()).isEqualTo(name);
            assertThat(send("GET", "/um/users", Map.of("authorization", token), null).statusCode()).isEqualTo(403);
        }
    }

    @Test
    @DisplayName("W2 SEC-08 POST /um/login: a wrong password and an unknown user are the same 400 603; a missing field or a wrong type is 400 1010")
    void loginRefusals() throws Exception {
        String name = world.fresh("refused");
        world.user(name);
        HttpResponse<String> wrong = send("POST", "/um/login", JSON, body("userName", name, "password", "not the password at all"));
        HttpResponse<String> unknown = send("POST", "/um/login", JSON, body("userName", world.fresh("ghost"), "password", "not the password at all"));
        assertError(wrong, 400, 603);
        assertThat(unknown.statusCode()).isEqualTo(wrong.statusCode());
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertError(send("POST", "/um/login", JSON, body("userName", name)), 400, 1010);
        assertError(send("POST", "/um/login", JSON, "{\"userName\":\"" + name + "\",\"password\":12}"), 400, 1010);
        assertError(send("POST", "/um/login", JSON, body("password", ApiWorld.PASSWORD)), 400, 1010);
    }

    @Test
    @DisplayName("W2 SEC-09 POST /um/login after repeated failures is 429 with Retry-After, even with the right password")
    void loginThrottled() throws Exception {
        String name = world.fresh("victim");
        world.user(name);
        for (int i = 0; i < ApiWorld.LOGIN_LIMIT; i++) {
            assertError(send("POST", "/um/login", JSON, body("userName", name, "password", "not the password at all")), 400, 603);
        }
        HttpResponse<String> r = send("POST", "/um/login", JSON, body("userName", name, "password", ApiWorld.PASSWORD));
        assertError(r, 429, 1005);
        assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    }

    @Test
    @DisplayName("W2 A1 POST /um/signup answers {success: true, message: 'Thanks for signUp'} and stores every field; 602, 900, 901, 1010 otherwise")
    void signup() throws Exception {
        String name = world.fresh("signup");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("userName", name);
        fields.put("password", ApiWorld.PASSWORD);
        fields.put("firstName", "Sam");
        fields.put("lastName", "Lee");
        fields.put("email", name + "@example.com");
        fields.put("phone", "+4915111112222");
        fields.put("address", "usa/de");
        fields.put("additionalInfo", "user additional info");
        HttpResponse<String> r = send("POST", "/um/signup", JSON, Json.MAPPER.writeValueAsString(fields));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r)).isEqualTo(Json.MAPPER.readTree("{\"success\":true,\"message\":\"Thanks for signUp\"}"));
        JsonNode stored = json(send("GET", "/um/users/" + name + "/full", auth(admin), null));
        for (String field : List.of("userName", "firstName", "lastName", "email", "phone", "address", "additionalInfo")) {
            assertThat(stored.get(field).asText()).as(field).isEqualTo(fields.get(field));
        }
        assertError(send("POST", "/um/signup", JSON, Json.MAPPER.writeValueAsString(fields)), 400, 602);
        assertError(send("POST", "/um/signup", JSON, body("userName", "bad name!", "password", ApiWorld.PASSWORD, "email", "x@example.com")), 400, 900);
        assertError(send("POST", "/um/signup", JSON, body("userName", world.fresh("s"), "password", ApiWorld.PASSWORD, "email", "nope")), 400, 901);
        assertError(send("POST", "/um/signup", JSON, body("userName", world.fresh("s"), "email", "y@example.com")), 400, 1010);
        assertError(send("POST", "/um/signup", JSON, "{\"userName\":[1],\"password\":\"x\"}"), 400, 1010);
    }

    @Test
    @DisplayName("W2 A7 POST /um/resetpass changes the password with the old one ('Password Reset Done'); a wrong old one and an unknown user are the same 400 603")
    void resetpass() throws Exception {
        String name = world.fresh("resetpass");
        UserId id = world.user(name);
        String session = world.kit.sessions().login(name, ApiWorld.PASSWORD, ClientContext.NONE).token();
        String newPassword = "seven quiet lanterns over harbour";
        HttpResponse<String> wrong = send("POST", "/um/resetpass", JSON, body("userName", name, "oldPassword", "not the password at all",
                "newPassword", newPassword));
        HttpResponse<String> unknown = send("POST", "/um/resetpass", JSON, body("userName", world.fresh("ghost"),
                "oldPassword", "not the password at all", "newPassword", newPassword));
        assertError(wrong, 400, 603);
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertError(send("POST", "/um/resetpass", JSON, body("userName", name, "oldPassword", ApiWorld.PASSWORD, "newPassword", "short")), 400, 1001);
        assertThat(world.kit.sessions().list(id, false, null, 10)).as("the proving session of a refused change is gone").hasSize(1);
        assertError(send("POST", "/um/resetpass", JSON, body("userName", name, "oldPassword", ApiWorld.PASSWORD)), 400, 1010);
        HttpResponse<String> r = send("POST", "/um/resetpass", JSON, body("userName", name, "oldPassword", ApiWorld.PASSWORD,
                "newPassword", newPassword));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r)).isEqualTo(Json.MAPPER.readTree("{\"success\":true,\"message\":\"Password Reset Done\"}"));
        assertThat(world.kit.sessions().login(name, newPassword, ClientContext.NONE).token()).isNotBlank();
        assertError(send("GET", "/um/users", Map.of("authorization", session), null), 401, 607);
    }

    // --- the reset routes ---

    @Test
    @DisplayName("W2 C2 C3 SEC-10 POST /um/users/passwordResetRequest answers a known and an unknown address alike; passwordReset sets the password with the code")
    void resetByMail() throws Exception {
        String name = world.fresh("mailreset");
        world.user(name);
        HttpResponse<String> known = send("POST", "/um/users/passwordResetRequest", JSON, body("email", name + "@example.com"));
        HttpResponse<String> unknown = send("POST", "/um/users/passwordResetRequest", JSON, body("email", world.fresh("ghost") + "@example.com"));
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(known.statusCode());
        assertThat(unknown.body()).isEqualTo(known.body()).isEqualTo("{\"success\":true}");
        assertThat(unknown.headers().map().keySet()).isEqualTo(known.headers().map().keySet());
        String code = world.mailedCode(name + "@example.com", MessageKind.PASSWORD_RESET);
        String newPassword = "seven quiet lanterns over harbour";
        assertError(send("POST", "/um/users/passwordReset", JSON, body("resetKey", code, "newPassword", "short")), 400, 1001);
        assertError(send("POST", "/um/users/passwordReset", JSON, body("resetKey", "not-a-code", "newPassword", newPassword)), 400, 801);
        assertError(send("POST", "/um/users/passwordReset", JSON, body("resetKey", code)), 400, 1010);
        assertError(send("POST", "/um/users/passwordResetRequest", JSON, "{}"), 400, 1010);
        HttpResponse<String> r = send("POST", "/um/users/passwordReset", JSON, body("resetKey", code, "newPassword", newPassword));
        assertThat(json(r)).isEqualTo(Json.MAPPER.readTree("{\"success\":true}"));
        assertThat(world.kit.sessions().login(name, newPassword, ClientContext.NONE).token()).isNotBlank();
        assertError(send("POST", "/um/users/passwordReset", JSON, body("resetKey", code, "newPassword", newPassword)), 400, 801);
    }

    @Test
    @DisplayName("W2 C6 H2 SEC-10 POST /um/users/{userName}/passwordResetRequestByPhone texts the account's number, an unknown name answers alike; passwordResetByPhone resets")
    void resetByPhone() throws Exception {
        String name = world.fresh("phonereset");
        String phone = "+49151777" + String.format("%05d", Math.abs(name.hashCode()) % 100_000);
        world.userWithPhone(name, phone);
        HttpResponse<String> known = send("POST", "/um/users/" + name + "/passwordResetRequestByPhone", JSON, "{}");
        HttpResponse<String> unknown = send("POST", "/um/users/" + world.fresh("ghost") + "/passwordResetRequestByPhone", JSON, "{}");
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo(known.body()).isEqualTo("{\"success\":true}");
        String code = world.textedCode(phone);
        String newPassword = "seven quiet lanterns over harbour";
        assertError(send("POST", "/um/users/" + world.fresh("ghost") + "/passwordResetByPhone", JSON,
                body("resetKey", code, "newPassword", newPassword)), 400, 801);
        assertError(send("POST", "/um/users/" + name + "/passwordResetByPhone", JSON, body("resetKey", "000000x", "newPassword", newPassword)), 400, 801);
        assertError(send("POST", "/um/users/" + name + "/passwordResetByPhone", JSON, body("newPassword", newPassword)), 400, 1010);
        assertError(send("POST", "/um/users/" + name + "/passwordResetRequestByPhone", JSON, "[]"), 400, 1010);
        HttpResponse<String> r = send("POST", "/um/users/" + name + "/passwordResetByPhone", JSON, body("resetKey", code, "newPassword", newPassword));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(world.kit.sessions().login(name, newPassword, ClientContext.NONE).token()).isNotBlank();
    }

    // --- bodies, methods and hostile input ---

    @Test
    @DisplayName("W2 SEC-30 every body route answers malformed JSON 400 1010 and a body over the cap 413, never a trace")
    void malformedAndOversizedBodies() throws Exception {
        String id = world.user(world.fresh("bodies")).toString();
        List<String[]> routes = List.of(new String[] {"POST", "/um/login"}, new String[] {"POST", "/um/signup"},
                new String[] {"POST", "/um/resetpass"}, new String[] {"POST", "/um/updateUserStatus"},
                new String[] {"POST", "/um/updateUserRoles"}, new String[] {"PUT", "/um/users/" + id + "/username"},
                new String[] {"PUT", "/um/users/" + id + "/info"}, new String[] {"POST", "/um/users/passwordResetRequest"},
                new String[] {"POST", "/um/users/passwordReset"}, new String[] {"POST", "/um/users/x/passwordResetRequestByPhone"},
                new String[] {"POST", "/um/users/x/passwordResetByPhone"});
        for (String[] route : routes) {
            String what = route[0] + " " + route[1];
            for (String malformed : List.of("{", "[1]", "\"text\"", "{\"a\":1} trailing", "{'a':1}", "{\"a\":1,\"a\":2}")) {
                HttpResponse<String> r = send(route[0], route[1], auth(admin), malformed);
                assertThat(r.statusCode()).as(what + " " + malformed).isEqualTo(400);
                assertThat(json(r).get("internalStatus").asInt()).as(what + " " + malformed).isEqualTo(1010);
                HostileAnswers.assertNoTrace(r, what);
            }
            HttpResponse<String> big = send(route[0], route[1], auth(admin), "{\"userName\":\"" + "a".repeat(ApiWorld.MAX_BODY) + "\"}");
            assertThat(big.statusCode()).as(what).isEqualTo(413);
        }
    }

    @Test
    @DisplayName("W2 an unknown API path is 404, a known path with another method 405 with Allow")
    void unknownRoutes() throws Exception {
        assertThat(send("GET", "/um/nosuchroute", auth(admin), null).statusCode()).isEqualTo(404);
        HttpResponse<String> r = send("PATCH", "/um/login", auth(admin), "{}");
        assertThat(r.statusCode()).isIn(403, 405);
        HttpResponse<String> wrongMethod = send("PUT", "/um/users", auth(admin), "{}");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    @DisplayName("W2 SEC-29 SEC-30 the hostile corpus as a user id, a user name and a path segment of the reset routes: 4xx with a code (or umpack's same-for-all 200), never a 500")
    void hostilePathSegments() throws Exception {
        for (String input : HostileAnswers.strings()) {
            // the empty string is no segment: "/um/users/" is the list itself
            if (input.isEmpty()) continue;
            String segment = URLEncoder.encode(input, StandardCharsets.UTF_8).replace("+", "%20");
            String what = HostileInputs.describe(input);
            for (String path : List.of("/um/users/" + segment, "/um/users/" + segment + "/full")) {
                HttpResponse<String> r = send("GET", path, auth(admin), null);
                assertThat(r.statusCode()).as(what + " " + path).isIn(400, 403, 404, 414, 431);
                assertCodeOrContainerRefusal(r, what);
            }
            HttpResponse<String> reset = send("POST", "/um/users/" + segment + "/passwordResetRequestByPhone", JSON, "{}");
            assertThat(reset.statusCode()).as(what).isIn(200, 400, 401, 403, 404, 414, 431);
            if (reset.statusCode() == 200) assertThat(reset.body()).isEqualTo("{\"success\":true}");
            else assertCodeOrContainerRefusal(reset, what);
        }
    }

    @Test
    @DisplayName("W2 SEC-29 SEC-30 the hostile corpus in the JSON fields of login, signup, the info edit and the reset requests: 200, 4xx with a code, never a 500")
    void hostileBodies() throws Exception {
        String id = world.user(world.fresh("hostile")).toString();
        for (String input : HostileAnswers.strings()) {
            String what = HostileInputs.describe(input);
            List<String[]> calls = List.of(new String[] {"POST", "/um/login", body("userName", input, "password", input)},
                    new String[] {"POST", "/um/signup", body("userName", input, "password", input, "email", input, "firstName", input)},
                    new String[] {"PUT", "/um/users/" + id + "/info", body("firstName", input, "email", input, "phone", input)},
                    new String[] {"POST", "/um/users/passwordResetRequest", body("email", input)},
                    new String[] {"POST", "/um/users/passwordReset", body("resetKey", input, "newPassword", input)},
                    new String[] {"POST", "/um/updateUserStatus", body("id", input, "isActivated", input)});
            for (String[] call : calls) {
                HttpResponse<String> r;
                try {
                    r = send(call[0], call[1], auth(admin), call[2]);
                } catch (java.io.IOException closed) {
                    // a container may answer 413 and close the connection while a body far over the cap is still being sent
                    assertThat(call[2].length()).as(what).isGreaterThan(ApiWorld.MAX_BODY);
                    continue;
                }
                assertThat(r.statusCode()).as(what + " " + call[1]).isIn(200, 400, 404, 413, 429);
                if (r.statusCode() == 400 || r.statusCode() == 404) assertThat(json(r).has("internalStatus")).as(what + " " + call[1]).isTrue();
                HostileAnswers.assertNoTrace(r, what);
            }
        }
    }
}
