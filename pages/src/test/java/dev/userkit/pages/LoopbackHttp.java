package dev.userkit.pages;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Plain HTTP requests to the test world. Each request gets a client, and so a connection, of its
 * own: a refusal answered before the body is read (the CSRF filter's 403) closes the connection,
 * and a pooled client would send the next request down it and read nothing.
 */
final class LoopbackHttp {
    private final String baseUrl;

    LoopbackHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)), headers);
    }

    HttpResponse<String> post(String path, String form, String... headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), headers);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String... headers) throws Exception {
        if (headers.length > 0) request.headers(headers);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
