package dev.userkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userkit.testkit.hostile.HostileInputs;
import java.net.http.HttpResponse;
import java.util.List;

/** The hardening issue's hostile corpus (SEC-29) as the HTTP tests send it, and what an answer to it may look like. */
final class HostileAnswers {
    /** Statuses a container may answer itself, before any filter runs, for a request line or header it refuses. */
    static final List<Integer> CONTAINER_REFUSALS = List.of(400, 414, 431);

    private HostileAnswers() {}

    /** The corpus without its 1 MB and 10 MB strings, which the body cap and the containers' header limits stop at once. */
    static List<String> strings() {
        return HostileInputs.strings().stream().filter(s -> s.length() <= 70_000).toList();
    }

    /** No stack frame, exception class or package name of ours in the body. */
    static void assertNoTrace(HttpResponse<String> r, String what) {
        assertThat(r.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("dev.userkit.");
    }

    /**
     * The edge refused the input: a 4xx with a JSON body carrying {@code message} or {@code internalStatus}
     * and no trace. A container may refuse a request line or header before the edge sees it (400, 414 or 431,
     * in its own format): allowed, as long as it carries no trace either.
     *
     * @return whether the edge itself answered (a JSON body)
     */
    static boolean assertRefused(HttpResponse<String> r, String what) throws Exception {
        assertNoTrace(r, what);
        assertThat(r.statusCode()).as(what + ": " + r.body()).isBetween(400, 499);
        boolean json = r.headers().firstValue("Content-Type").orElse("").startsWith("application/json");
        if (!json) {
            assertThat(r.statusCode()).as(what + ": a non-JSON answer only from the container").isIn(CONTAINER_REFUSALS);
            return false;
        }
        JsonNode body = Json.MAPPER.readTree(r.body());
        assertThat(body.path("message").isTextual() || body.path("internalStatus").isInt()).as(what + ": " + r.body()).isTrue();
        return true;
    }
}
