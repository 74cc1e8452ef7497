package dev.userkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.testkit.hostile.HostileInputs;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The hardening issue's hostile corpus (SEC-29) through umpack's API and the login routes, in whichever
 * container {@link #container()} gives: as JSON bodies of {@code POST /um/login} and {@code /auth/login},
 * as header values, as path segments of the API's parameterised routes. Every answer is a 4xx the edge
 * writes as JSON with {@code message} or {@code internalStatus} (or one the container writes before the
 * edge runs, {@link HostileAnswers#CONTAINER_REFUSALS}); never a 500, a stack trace or a class name.
 */
abstract class HostileApiContract extends EdgeOnLoopback {
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    /** GET and DELETE routes with a path parameter that no hostile string names (no such user, id or role). */
    private static final List<String> SEGMENT_ROUTES = List.of("GET /um/users/%s", "GET /um/users/%s/full",
            "GET /um/users/%s/devices", "GET /um/users/%s/devices/permitted", "GET /um/roles/%s", "DELETE /um/roles/%s",
            "DELETE /um/users/%s", "DELETE /um/roles/%s/actions/%s");

    @Test
    @DisplayName("SEC-30 SEC-29 the hostile corpus as the fields of umpack's POST /um/login and jxMono's POST /auth/login: a 4xx with a JSON code, never a 500 or a trace")
    void hostileLoginFields() throws Exception {
        int answered = 0;
        for (String input : HostileAnswers.strings()) {
            String what = HostileInputs.describe(input);
            for (Map<String, Object> body : List.<Map<String, Object>>of(Map.of("userName", input, "password", input),
                    Map.of("email", input, "password", EdgeWorld.PASSWORD), Map.of("userName", "alice", "password", input,
                            "deviceToken", input))) {
                answered += refusedUnlessCut(post("/um/login", Json.MAPPER.writeValueAsString(body)), what + " " + body.keySet());
            }
            String jx = Json.MAPPER.writeValueAsString(Map.of("username", input, "password", input));
            answered += refusedUnlessCut(post("/auth/login", jx), what + " at /auth/login");
        }
        assertThat(answered).as("answers the edge wrote as JSON").isGreaterThan(HostileAnswers.strings().size() * 3);
    }

    @Test
    @DisplayName("SEC-30 SEC-29 hostile bodies (the corpus as raw bytes, hostile JSON values as fields): 400 with 1010, 413, never a 500")
    void hostileBodies() throws Exception {
        List<String> bodies = new ArrayList<>(HostileAnswers.strings());
        for (Object value : HostileInputs.jsonValues()) {
            LinkedHashMap<String, Object> body = new LinkedHashMap<>();
            body.put("userName", value);
            body.put("password", value);
            try {
                bodies.add(Json.MAPPER.writeValueAsString(body));
            } catch (com.fasterxml.jackson.core.JsonProcessingException unwritable) {
                // a value Jackson cannot write (a bare Object, nesting deeper than its writer allows) cannot be sent as JSON
            }
        }
        for (String body : bodies) {
            String what = HostileInputs.describe(body);
            refusedUnlessCut(post("/um/login", body), what);
            refusedUnlessCut(post("/auth/login", body), what + " at /auth/login");
        }
    }

    @Test
    @DisplayName("SEC-30 SEC-29 the hostile corpus in the token, device, known-client, forwarding, language and user-agent headers of API calls: a 4xx with a JSON code")
    void hostileHeaders() throws Exception {
        int sent = 0;
        int byEdge = 0;
        String login = Json.MAPPER.writeValueAsString(Map.of("userName", "alice", "password", "not her password"));
        for (String input : HostileAnswers.strings()) {
            String what = HostileInputs.describe(input);
            for (Map<String, String> headers : List.of(Map.of("Authorization", "Bearer " + input), Map.of("authorization", input),
                    Map.of("Cookie", "userkit_session=" + input), Map.of("X-Device-Token", input),
                    Map.of("Cookie", "userkit_client=" + input), Map.of("X-Forwarded-For", input), Map.of("Forwarded", "for=" + input),
                    Map.of("Accept-Language", input), Map.of("User-Agent", input))) {
                List<HttpResponse<String>> answers;
                try {
                    // a protected route without a valid session, and the public login with a wrong password: both refuse
                    answers = List.of(client.send("GET", "/um/users", headers, null),
                            client.send("POST", "/um/login", with(headers, JSON), login));
                } catch (IllegalArgumentException notSendable) {
                    continue; // the client refuses to put control characters or non-Latin-1 text in a header
                }
                for (HttpResponse<String> r : answers) {
                    sent++;
                    if (HostileAnswers.assertRefused(r, what + " in " + headers.keySet())) byEdge++;
                }
            }
        }
        assertThat(sent).as("hostile headers actually sent").isGreaterThan(400);
        assertThat(byEdge).as("answers the edge wrote as JSON").isGreaterThan(sent / 2);
    }

    @Test
    @DisplayName("SEC-30 SEC-29 the hostile corpus as path segments of the API's parameterised routes, called by an administrator: a 4xx with a JSON code")
    void hostilePathSegments() throws Exception {
        Map<String, String> admin = Map.of("Authorization", "Bearer " + world.login("carol"));
        int sent = 0;
        int byEdge = 0;
        for (String input : HostileAnswers.strings()) {
            // the empty string is no segment: "/um/users/" is the user list itself (the trailing '/' is canonicalised away)
            if (input.isEmpty()) continue;
            String segment = URLEncoder.encode(input, StandardCharsets.UTF_8).replace("+", "%20");
            for (String route : SEGMENT_ROUTES) {
                String[] parts = route.split(" ");
                String path = parts[1].replace("%s", segment);
                HttpResponse<String> r = client.send(parts[0], path, admin, null);
                sent++;
                if (HostileAnswers.assertRefused(r, HostileInputs.describe(input) + " in " + route)) byEdge++;
            }
        }
        assertThat(byEdge).as("answers the edge wrote as JSON").isGreaterThan(sent / 2);
    }

    /** A JSON post, or null when the container cut the connection while a body over the cap was still being sent. */
    private HttpResponse<String> post(String path, String body) throws Exception {
        try {
            return client.send("POST", path, JSON, body);
        } catch (java.io.IOException closed) {
            assertThat(body.getBytes(StandardCharsets.UTF_8).length).as("only a body over the cap may be cut")
                    .isGreaterThan(EdgeWorld.MAX_BODY);
            return null;
        }
    }

    /** 1 when the edge refused the input as JSON, 0 when the container did or cut a body over the cap. */
    private static int refusedUnlessCut(HttpResponse<String> r, String what) throws Exception {
        return r != null && HostileAnswers.assertRefused(r, what) ? 1 : 0;
    }

    private static Map<String, String> with(Map<String, String> a, Map<String, String> b) {
        Map<String, String> out = new LinkedHashMap<>(a);
        out.putAll(b);
        return out;
    }
}
