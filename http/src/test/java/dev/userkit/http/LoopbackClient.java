package dev.userkit.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Sends requests to a container on loopback, never following redirects, as the HTTP tests do. */
final class LoopbackClient {
    private final HttpClient http = newClient();
    private final String base;

    /** A client of {@code http://127.0.0.1:port}. */
    LoopbackClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Where the container listens, without a trailing '/'. */
    String base() {
        return base;
    }

    /** One request; a null body sends none. */
    HttpResponse<String> send(String method, String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        HttpRequest request = b.build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException closedWhileIdle) {
            // a pooled connection the server closed after a 413 or a refused header can fail the next request before it
            // is answered: once more on a client of its own, which cannot draw another such connection from the pool
            return newClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
