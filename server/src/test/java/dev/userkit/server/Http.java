package dev.userkit.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A plain HTTP client for the tests: JSON in, status and body out, the session token read from Set-Cookie. */
final class Http {
    static final String SESSION_COOKIE = "userkit_session";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {}

    static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) b.header("Authorization", "Bearer " + token);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postJson(String url, String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form post, as a browser sends it from a page (no Origin: same-site forms of old browsers send none). */
    static HttpResponse<String> postForm(String url, Map<String, String> fields) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Logs in through jxMono's route; the response (200 with the session cookie, or the refusal). */
    static HttpResponse<String> login(String baseUrl, String username, String password) throws IOException, InterruptedException {
        return postJson(baseUrl + "/auth/login", "{\"username\":" + quote(username) + ",\"password\":" + quote(password) + "}", null);
    }

    /** The session token a response set, if any. */
    static Optional<String> sessionToken(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(SESSION_COOKIE + "="))
                .map(c -> c.substring(SESSION_COOKIE.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .filter(v -> !v.isEmpty()).findFirst();
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
