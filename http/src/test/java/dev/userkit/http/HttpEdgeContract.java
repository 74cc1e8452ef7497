package dev.userkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The edge over real HTTP on loopback, in whichever container {@link #container()} gives: every
 * status the filters answer, the path cases of R4, trusted proxies, CSRF, CORS and error answers.
 * Each concrete class runs all of it in one container; the login routes are {@link EdgeLoginContract}'s.
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
}
