package dev.userkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userkit.ClientContext;
import dev.userkit.accounts.NewUser;
import dev.userkit.spi.MessageKind;
import dev.userkit.testkit.hostile.HostileInputs;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The edge over real HTTP on loopback, in whichever container {@link #container()} gives: every
 * status the filters answer, the path cases of R4, CSRF, CORS, cookie flags, trusted proxies and
 * the login routes. Each concrete class runs all of it in one container.
 */
abstract class HttpEdgeContract extends EdgeOnLoopback {
    // --- authentication and authorisation (W1, R4) ---

    @Test
    @DisplayName("W1 R4 a permitted request passes with the session cookie, a bearer header or umpack's raw authorization header")
    void permittedRequestPasses() throws Exception {
        String token = world.login("alice");
        for (Map<String, String> headers : List.of(cookie(token), Map.of("Authorization", "Bearer " + token),
                Map.of("authorization", token))) {
            HttpResponse<String> r = send("GET", "/api/things", headers, null);
            assertThat(r.statusCode()).as(headers.keySet().toString()).isEqualTo(200);
            assertThat(r.body()).startsWith("echo user=alice path=/api/things");
        }
    }

    @Test
    @DisplayName("W1 R4 no token is 401 with 606, as umpack's {message, internalStatus}, not cached, nosniff")
    void noTokenIs606() throws Exception {
        HttpResponse<String> r = send("GET", "/api/things", Map.of(), null);
        assertError(r, 401, 606);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json(r).get("message").asText()).isNotBlank();
    }

    @Test
    @DisplayName("W1 R4 an unknown, over-long or anonymous session token is 401 with 607")
    void invalidTokenIs607() throws Exception {
        assertError(send("GET", "/api/things", bearer("not-a-session-token"), null), 401, 607);
        assertError(send("GET", "/api/things", bearer("x".repeat(600)), null), 401, 607);
        String anonymous = world.kit.sessions().startAnonymous(Map.of()).token();
        assertError(send("GET", "/api/things", cookie(anonymous), null), 401, 607);
        String revoked = world.login("alice");
        world.kit.sessions().logout(revoked);
        assertError(send("GET", "/api/things", bearer(revoked), null), 401, 607);
    }

    @Test
    @DisplayName("W1 S4 R4 an expired session token is 401 with 608")
    void expiredTokenIs608() throws Exception {
        String token = world.login("alice");
        world.clock.advance(Duration.ofDays(2));
        assertError(send("GET", "/api/things", cookie(token), null), 401, 608);
    }

    @Test
    @DisplayName("R4 deny by default: a path or verb no permission covers, a user without roles, an unknown method are 403 with 609")
    void forbiddenIs609() throws Exception {
        String alice = world.login("alice");
        assertError(send("GET", "/admin", bearer(alice), null), 403, 609);
        assertError(send("DELETE", "/api/things", bearer(alice), null), 403, 609);
        assertError(send("PROPFIND", "/api/things", bearer(alice), null), 403, 609);
        assertError(send("GET", "/api/things", bearer(world.login("bob")), null), 403, 609);
        assertThat(send("POST", "/api/orders", bearer(alice), "{}").statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("R4 W1 public paths pass without a token; a path that only looks public does not")
    void publicPaths() throws Exception {
        assertThat(send("GET", "/public/page", Map.of(), null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/public/../api/things", Map.of(), null).statusCode()).isIn(400, 401, 403);
        assertThat(send("GET", "/publicity", Map.of(), null).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("R4 legitimate paths are authorised by their canonical form and dispatched as the application sees them")
    void canonicalPathsAreAuthorised() throws Exception {
        String carol = world.login("carol");
        Map<String, String> dispatched = Map.of(
                "/files/caf%C3%A9", "/files/café",
                "/files/caf%c3%a9", "/files/café",
                "/files/my%20doc", "/files/my doc",
                "/api/orders/", "/api/orders/",
                "/search?q=x", "/search");
        for (Map.Entry<String, String> e : dispatched.entrySet()) {
            HttpResponse<String> r = send("GET", e.getKey(), bearer(carol), null);
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
            assertThat(r.body()).as(e.getKey()).contains("path=" + e.getValue() + " ");
        }
        assertThat(send("GET", "/api/orders/", bearer(world.login("alice")), null).statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("R4 SEC-30 .., //, %2F, path parameters and other non-canonical paths never reach the application, even under /**")
    void nonCanonicalPathsAreRefused() throws Exception {
        String carol = world.login("carol");
        for (String path : List.of("/api/../admin", "//admin", "/a//b", "/a%2Fb", "/a%2fb", "/a;jsessionid=0123/b", "/a/b;x=1",
                "/a/%2e%2e/b", "/a/%2E%2E", "/a/.", "/a%5Cb", "/a%00b", "/a%0d%0aSet-Cookie:x", "/a%252e%252e/b", "/a%C3",
                "/a%E2%80%AEb", "/a%25")) {
            HttpResponse<String> r = send("GET", path, bearer(carol), null);
            assertThat(r.statusCode()).as(path).isIn(400, 403, 404);
            assertThat(r.body()).as(path).doesNotStartWith("echo");
            if (r.statusCode() == 403) assertThat(json(r).get("internalStatus").asInt()).as(path).isEqualTo(609);
        }
    }

    @Test
    @DisplayName("D1 SEC-21 R6 under device control a session token used without its device's token, or with another's, is 403 with 806")
    void offDeviceIs806() throws Exception {
        String device = "device-token-0123456789abcdef";
        String token = world.deviceSession(device);
        assertThat(send("GET", "/dev/api/x", Map.of("Authorization", "Bearer " + token, "X-Device-Token", device), null).statusCode())
                .isEqualTo(200);
        assertError(send("GET", "/dev/api/x", bearer(token), null), 403, 806);
        assertError(send("GET", "/dev/api/x", Map.of("Authorization", "Bearer " + token, "X-Device-Token", "another-device-0123456789"),
                null), 403, 806);
    }

    // --- the caller (W1, SEC-30) ---

    @Test
    @DisplayName("W1 SEC-30 the client address comes from forwarding headers only through a trusted proxy")
    void trustedProxiesOnly() throws Exception {
        assertThat(send("GET", "/public/x", Map.of("X-Forwarded-For", "203.0.113.9"), null).body()).contains("address=203.0.113.9 ");
        assertThat(send("GET", "/public/x", Map.of("X-Forwarded-For", "198.51.100.1, 203.0.113.9, 127.0.0.5"), null).body())
                .contains("address=203.0.113.9 ");
        // proxies that set X-Forwarded-For pass a client's Forwarded through untouched: it is not read
        assertThat(send("GET", "/public/x", Map.of("Forwarded", "for=198.51.100.7"), null).body()).contains("address=127.0.0.1 ");
        assertThat(send("GET", "/fwd/public/x", Map.of("Forwarded", "for=198.51.100.7;proto=https, for=\"[2001:db8::1]:4711\""), null)
                .body()).contains("address=2001:db8::1 ");
        assertThat(send("GET", "/fwd/public/x", Map.of("Forwarded", "for=_hidden, for=127.0.0.9"), null).body()).contains("address=127.0.0.9 ");
        assertThat(send("GET", "/fwd/public/x", Map.of("X-Forwarded-For", "203.0.113.9"), null).body()).contains("address=127.0.0.1 ");
        assertThat(send("GET", "/public/x", Map.of("X-Forwarded-For", "not-an-address"), null).body()).contains("address=127.0.0.1 ");
        // the /dev application trusts no proxy
        assertThat(send("GET", "/dev/public/x", Map.of("X-Forwarded-For", "203.0.113.9"), null).body()).contains("address=127.0.0.1 ");
    }

    @Test
    @DisplayName("W1 M3 the request's Accept-Language first choice becomes the client context's locale")
    void acceptLanguage() throws Exception {
        assertThat(send("GET", "/public/x", Map.of("Accept-Language", "de-CH;q=0.8, fr;q=0.9, *;q=0.1"), null).body()).endsWith("locale=fr");
        assertThat(send("GET", "/public/x", Map.of("Accept-Language", "pt-BR"), null).body()).endsWith("locale=pt-BR");
        assertThat(send("GET", "/public/x", Map.of("Accept-Language", ";;;=x"), null).body()).endsWith("locale=-");
        assertThat(send("GET", "/public/x", Map.of(), null).body()).endsWith("locale=-");
    }

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

    // --- CSRF and CORS (SEC-30) ---

    @Test
    @DisplayName("SEC-30 a cookie-authenticated state change from a foreign origin, or without the CSRF token, is 403 with 609; bearer requests are exempt")
    void csrf() throws Exception {
        String token = world.login("alice");
        String csrf = CsrfTokens.of(token);
        String session = "userkit_session=" + token;
        assertThat(send("POST", "/api/orders", Map.of("Cookie", session, "Origin", client.base(), "X-CSRF-Token", csrf), "{}").statusCode())
                .isEqualTo(200);
        assertThat(send("POST", "/api/orders", Map.of("Cookie", session, "Origin", EdgeWorld.ALLOWED_ORIGIN, "X-CSRF-Token", csrf), "{}")
                .statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/orders", Map.of("Cookie", session, "Referer", client.base() + "/page", "X-CSRF-Token", csrf), "{}")
                .statusCode()).isEqualTo(200);
        assertError(send("POST", "/api/orders", Map.of("Cookie", session, "Origin", "https://evil.example", "X-CSRF-Token", csrf), "{}"),
                403, 609);
        assertError(send("POST", "/api/orders", Map.of("Cookie", session, "Origin", "null", "X-CSRF-Token", csrf), "{}"), 403, 609);
        assertError(send("POST", "/api/orders", Map.of("Cookie", session, "Origin", client.base()), "{}"), 403, 609);
        assertError(send("POST", "/api/orders", Map.of("Cookie", session, "Origin", client.base(), "X-CSRF-Token", CsrfTokens.of("other")), "{}"),
                403, 609);
        assertError(send("POST", "/api/orders", Map.of("Cookie", session, "X-CSRF-Token", csrf), "{}"), 403, 609);
        assertThat(send("POST", "/api/orders", Map.of("Authorization", "Bearer " + token, "Origin", "https://evil.example"), "{}")
                .statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/things", Map.of("Cookie", session, "Origin", "https://evil.example"), null).statusCode()).isEqualTo(200);
        // a page's form carries the token as a field; a stale cookie does not stand in the way of a login form
        assertThat(send("POST", "/api/orders", Map.of("Cookie", session, "Origin", client.base(), "Content-Type", "application/x-www-form-urlencoded"),
                CsrfFilter.FORM_FIELD + "=" + csrf).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/auth/login", Map.of("Cookie", "userkit_session=stale", "Origin", client.base(),
                "Content-Type", "application/x-www-form-urlencoded"), "username=alice&password=" + EdgeWorld.PASSWORD.replace(' ', '+'))
                .statusCode()).isEqualTo(200);
        // login CSRF: a foreign page cannot log the browser into another account
        assertError(send("POST", "/auth/login", Map.of("Content-Type", "application/json", "Origin", "https://evil.example"),
                credentials("alice")), 403, 609);
    }

    @Test
    @DisplayName("SEC-30 CORS answers only the configured origins")
    void cors() throws Exception {
        HttpResponse<String> ok = send("OPTIONS", "/api/orders", Map.of("Origin", EdgeWorld.ALLOWED_ORIGIN,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "X-CSRF-Token"), null);
        assertThat(ok.statusCode()).isEqualTo(204);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).contains(EdgeWorld.ALLOWED_ORIGIN);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
        assertThat(ok.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).contains("X-CSRF-Token");
        HttpResponse<String> foreign = send("OPTIONS", "/api/orders", Map.of("Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST"), null);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        HttpResponse<String> simple = send("GET", "/api/things", Map.of("Origin", "https://evil.example",
                "Authorization", "Bearer " + world.login("alice")), null);
        assertThat(simple.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    // --- responses (SEC-30) ---

    @Test
    @DisplayName("SEC-30 an application failure behind the filters is 500 with a generic body, never a stack trace")
    void noStackTrace() throws Exception {
        HttpResponse<String> r = send("GET", "/boom", bearer(world.login("carol")), null);
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).doesNotContain("IllegalStateException").doesNotContain("dev.userkit").doesNotContain("secret internals");
        assertThat(json(r).get("message").asText()).isEqualTo("Internal error");
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

    // --- helpers ---

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
