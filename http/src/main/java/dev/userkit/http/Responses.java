package dev.userkit.http;

import dev.userkit.StoreException;
import dev.userkit.UserKitException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the edge writes its own answers: JSON bodies, {@code X-Content-Type-Options: nosniff} on
 * every one, {@code Cache-Control: no-store} on everything about authentication, and errors as
 * umpack's {@code {message, internalStatus}} with the status {@link HttpStatuses} gives. An error
 * body carries the outcome's safe message, never an exception's class or stack.
 */
final class Responses {
    private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

    private Responses() {}

    /** A route's work, which writes its own answer when it succeeds. */
    @FunctionalInterface
    interface RouteWork {
        /** Does the work and answers. */
        void run() throws IOException, JsonBodies.TooLarge;
    }

    /**
     * Runs a route and answers its failures the one way every route of the edge does: a domain
     * outcome as its code, a body over the cap as 413, a storage fault as 503 (logged, never shown).
     */
    static void answering(HttpServletResponse response, String routes, RouteWork work) throws IOException {
        try {
            work.run();
        } catch (UserKitException e) {
            error(response, e);
        } catch (JsonBodies.TooLarge e) {
            // the rest of the body is never read, so the connection cannot carry another request: say so
            response.setHeader("Connection", "close");
            plain(response, 413, e.getMessage());
        } catch (StoreException e) {
            LOG.warn("{} failed on a storage fault", routes, e);
            plain(response, 503, "Service unavailable");
        }
    }

    /** The headers every answer of the edge carries. */
    static void secure(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
    }

    /** A domain outcome as its status and body; THROTTLED also gets {@code Retry-After} in whole seconds, at least 1. */
    static void error(HttpServletResponse response, UserKitException e) throws IOException {
        e.retryAfter().ifPresent(wait -> response.setHeader("Retry-After", Long.toString(seconds(wait))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", e.getMessage());
        body.put("internalStatus", e.code().number());
        json(response, HttpStatuses.of(e.code()), body);
    }

    /** An answer without a domain code (a storage fault, an unexpected failure, a body over the cap). */
    static void plain(HttpServletResponse response, int status, String message) throws IOException {
        json(response, status, Map.of("message", message));
    }

    /** Any JSON answer. */
    static void json(HttpServletResponse response, int status, Object body) throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();
        secure(response);
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static long seconds(Duration wait) {
        long s = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, s);
    }
}
