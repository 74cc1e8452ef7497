package dev.userkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ClientContext;
import dev.userkit.accounts.NewUser;
import dev.userkit.spi.MessageKind;
import dev.userkit.testkit.hostile.HostileInputs;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The edge's login routes over real HTTP on loopback, in whichever container {@link #container()}
 * gives: login, its refusals and throttling, cookie flags, logout, user info, forgot and reset (W3),
 * and the hostile corpus through the HTTP layer (SEC-29, SEC-30). Each concrete class runs all of it
 * in one container.
 */
abstract class EdgeLoginContract extends EdgeOnLoopback {
    // --- login routes and cookies (W3, SEC-30) ---

    @Test
    @DisplayName("W3 SEC-30 login answers 200 with an HttpOnly, SameSite=Lax session cookie (Secure only when a trusted proxy says https) and a CSRF cookie")
    void loginSetsCookies() throws Exception {
        HttpResponse<String> r = send("POST", "/auth/login", Map.of("Content-Type", "application/json"), credentials("alice"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("username").asText()).isEqualTo("alice");
        assertThat(json(r).get("roles").toString()).contains("reader");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        String session = setCookie(r, "userkit_session");
        assertThat(session).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").contains("Path=/").doesNotContain("Secure");
        String csrf = setCookie(r, "userkit_csrf");
        assertThat(csrf).doesNotContain("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(cookieValue(csrf)).isEqualTo(CsrfTokens.of(cookieValue(session)));
        assertThat(setCookie(r, "userkit_client")).contains("HttpOnly").contains("Max-Age=");
        assertThat(send("GET", "/api/things", cookie(cookieValue(session)), null).statusCode()).isEqualTo(200);

        HttpResponse<String> proxied = send("POST", "/auth/login", Map.of("Content-Type", "application/json", "X-Forwarded-Proto", "https"),
                credentials("alice"));
        assertThat(setCookie(proxied, "userkit_session")).contains("Secure").contains("HttpOnly");
        HttpResponse<String> forged = send("POST", "/dev/auth/login", Map.of("Content-Type", "application/json", "X-Forwarded-Proto", "https",
                "X-Device-Token", "device-token-0123456789abcdef"), credentials("dave"));
        assertThat(forged.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("Secure"));
    }

    @Test
    @DisplayName("W3 login is 400 for a missing field (1010) or when already logged in (1017), 403 for a wrong password, 400 with 1010 for malformed JSON, 413 over the cap")
    void loginRefusals() throws Exception {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        assertError(send("POST", "/auth/login", json, "{\"username\":\"alice\"}"), 400, 1010);
        assertError(send("POST", "/auth/login", json, "{\"username\":\"alice\",\"password\":7}"), 400, 1010);
        assertError(send("POST", "/auth/login", Map.of("Content-Type", "application/json", "Authorization", "Bearer " + world.login("alice")),
                credentials("alice")), 400, 1017);
        assertError(send("POST", "/auth/login", json, "{\"username\":\"alice\",\"password\":\"wrong password of some length\"}"), 403, 603);
        assertError(send("POST", "/auth/login", json, "{\"username\":\"nobody\",\"password\":\"wrong password of some length\"}"), 403, 603);
        for (String malformed : List.of("{", "[1,2]", "\"text\"", "{\"username\":\"a\"} trailing", "{'username':'a'}", "",
                "{\"a\":1,\"a\":2}", "[".repeat(100) + "]".repeat(100), "{\"n\":" + "9".repeat(200) + "}")) {
            HttpResponse<String> r = send("POST", "/auth/login", json, malformed);
            assertError(r, 400, 1010);
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("jackson");
        }
        HttpResponse<String> big = send("POST", "/auth/login", json, "{\"username\":\"" + "a".repeat(10_000) + "\"}");
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(send("POST", "/auth/login", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "username=alice&password=" + EdgeWorld.PASSWORD.replace(' ', '+')).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("SEC-09 W3 repeated failures are 429 with Retry-After, even with the right password")
    void throttledIs429() throws Exception {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        String wrong = "{\"username\":\"victim\",\"password\":\"wrong password of some length\"}";
        for (int i = 0; i < EdgeWorld.LOGIN_LIMIT; i++) assertError(send("POST", "/auth/login", json, wrong), 403, 603);
        HttpResponse<String> r = send("POST", "/auth/login", json, credentials("victim"));
        assertError(r, 429, 1005);
        assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    }

    @Test
    @DisplayName("W3 S5 logout ends the session and clears its cookies; userInfo is the user, or 204 without a session")
    void logoutAndUserInfo() throws Exception {
        String token = world.login("alice");
        HttpResponse<String> info = send("GET", "/auth/userInfo", bearer(token), null);
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(json(info).get("username").asText()).isEqualTo("alice");
        assertThat(send("GET", "/auth/userInfo", Map.of(), null).statusCode()).isEqualTo(204);
        HttpResponse<String> out = send("POST", "/auth/logout", Map.of("Cookie", "userkit_session=" + token, "Origin", client.base(),
                "X-CSRF-Token", CsrfTokens.of(token)), null);
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(setCookie(out, "userkit_session")).startsWith("userkit_session=;").containsAnyOf("Max-Age=0", "Expires=Thu, 01 Jan 1970");
        assertError(send("GET", "/api/things", bearer(token), null), 401, 607);
    }

    @Test
    @DisplayName("W3 C2 C3 SEC-10 forgot answers 200 alike for a known and an unknown account; reset with the mailed code is 200 once, then 801; bad fields are 400 1010")
    void forgotAndReset() throws Exception {
        world.kit.accounts().register(NewUser.builder("frank", "frank@example.com").password(EdgeWorld.PASSWORD).build(), ClientContext.NONE);
        Map<String, String> json = Map.of("Content-Type", "application/json");
        HttpResponse<String> known = send("POST", "/auth/forgot", json, "{\"username\":\"frank@example.com\"}");
        HttpResponse<String> unknown = send("POST", "/auth/forgot", json, "{\"username\":\"nobody@example.com\"}");
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).isEqualTo(known.body());
        world.kit.outbox().deliverPending();
        String code = world.mail.latestCode("frank@example.com", MessageKind.PASSWORD_RESET).orElseThrow();
        String reset = "{\"code\":\"" + code + "\",\"password\":\"copper lanterns drift over harbours\"}";
        assertThat(send("POST", "/auth/reset", json, reset).statusCode()).isEqualTo(200);
        assertThat(world.kit.sessions().login("frank", "copper lanterns drift over harbours", ClientContext.NONE).token()).isNotEmpty();
        assertError(send("POST", "/auth/reset", json, reset), 400, 801);
        assertError(send("POST", "/auth/forgot", json, "{}"), 400, 1010);
        assertError(send("POST", "/auth/reset", json, "{\"code\":\"x\"}"), 400, 1010);
        assertError(send("POST", "/auth/reset", json, "{\"code\":7,\"password\":\"p\"}"), 400, 1010);
    }

    // --- the hostile corpus through the HTTP layer (SEC-29, SEC-30) ---

    @Test
    @DisplayName("SEC-29 SEC-30 R4 the hostile corpus as a path segment: refused, or authorised and dispatched as exactly that segment; never a 500")
    void hostilePathSegments() throws Exception {
        String carol = world.login("carol");
        for (String input : HostileAnswers.strings()) {
            String segment = URLEncoder.encode(input, StandardCharsets.UTF_8).replace("+", "%20");
            HttpResponse<String> r = send("GET", "/api/" + segment, bearer(carol), null);
            String what = HostileInputs.describe(input);
            assertThat(r.statusCode()).as(what).isIn(200, 400, 403, 404, 414, 431);
            if (r.statusCode() == 200) {
                // what was authorised is what the application was handed (one trailing '/' aside)
                assertThat(r.body()).as(what).startsWith("echo user=carol path=/api/" + input + " ");
                assertThat(dev.userkit.access.AccessControl.canonicalPath("/api/" + segment)).as(what)
                        .contains(input.isEmpty() ? "/api" : "/api/" + input);
            }
            HostileAnswers.assertNoTrace(r, what);
        }
    }

    @Test
    @DisplayName("SEC-29 SEC-30 W1 the hostile corpus in the token, device, known-client, address, language and user-agent headers and cookies: never a 500")
    void hostileHeaders() throws Exception {
        int sent = 0;
        for (String input : HostileAnswers.strings()) {
            String what = HostileInputs.describe(input);
            List<Map<String, String>> variants = List.of(bearer(input), Map.of("authorization", input), cookie(input),
                    Map.of("X-Device-Token", input), Map.of("Cookie", "userkit_client=" + input), Map.of("X-Forwarded-For", input),
                    Map.of("Forwarded", "for=" + input), Map.of("Accept-Language", input), Map.of("User-Agent", input));
            for (Map<String, String> headers : variants) {
                HttpResponse<String> r;
                try {
                    r = send("GET", "/public/x", headers, null);
                } catch (IllegalArgumentException notSendable) {
                    continue; // the client refuses to put control characters or non-Latin-1 text in a header
                }
                sent++;
                assertThat(r.statusCode()).as(what + " in " + headers.keySet()).isIn(200, 400, 431);
                HostileAnswers.assertNoTrace(r, what);
                HttpResponse<String> guarded = send("GET", "/api/things", headers, null);
                assertThat(guarded.statusCode()).as(what + " in " + headers.keySet()).isIn(400, 401, 431);
            }
        }
        assertThat(sent).as("hostile headers actually sent").isGreaterThan(200);
    }

    @Test
    @DisplayName("SEC-29 SEC-30 W3 the hostile corpus as login JSON fields: 400, 403, 413 or 429 with a code, never a 500 or a trace")
    void hostileLoginBodies() throws Exception {
        for (String input : HostileAnswers.strings()) {
            String body = Json.MAPPER.writeValueAsString(Map.of("username", input, "password", input));
            String what = HostileInputs.describe(input);
            HttpResponse<String> r;
            try {
                r = send("POST", "/auth/login", Map.of("Content-Type", "application/json"), body);
            } catch (java.io.IOException closed) {
                // a container may answer 413 and close the connection while a body far over the cap is still being sent
                assertThat(body.length()).as(what).isGreaterThan(EdgeWorld.MAX_BODY);
                continue;
            }
            assertThat(r.statusCode()).as(what).isIn(400, 403, 413, 429);
            HostileAnswers.assertNoTrace(r, what);
        }
    }
}
