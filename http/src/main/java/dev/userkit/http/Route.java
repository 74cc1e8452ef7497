package dev.userkit.http;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One route of the umpack API: a method, a template relative to the base path whose
 * {@code {name}} segments match one non-empty path segment each ({@code /users/{userId}}), and the
 * handler that answers it.
 *
 * @param method the HTTP method, upper case
 * @param template the path template, starting with {@code /}
 * @param handler what answers a matching request
 */
record Route(String method, String template, Handler handler) {
    /** Answers one matched request. */
    @FunctionalInterface
    interface Handler {
        /**
         * Answers the call; a {@link dev.userkit.UserKitException} thrown here is answered as its code.
         *
         * @param call the request, its path parameters and the answer
         * @throws IOException when the connection fails
         * @throws JsonBodies.TooLarge when the body is over the cap
         */
        void handle(ApiCall call) throws IOException, JsonBodies.TooLarge;
    }

    Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(handler, "handler");
        if (template == null || !template.startsWith("/")) throw new IllegalArgumentException("template must start with '/': " + template);
    }

    /** The template's segments, without the leading empty one. */
    List<String> segments() {
        return List.of(template.substring(1).split("/", -1));
    }

    /**
     * The path parameters when a canonical path's segments (relative to the base path) match this
     * template, or null.
     */
    Map<String, String> match(List<String> pathSegments) {
        List<String> mine = segments();
        if (mine.size() != pathSegments.size()) return null;
        java.util.LinkedHashMap<String, String> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < mine.size(); i++) {
            String t = mine.get(i);
            String s = pathSegments.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                if (s.isEmpty()) return null;
                params.put(t.substring(1, t.length() - 1), s);
            } else if (!t.equals(s)) {
                return null;
            }
        }
        return params;
    }
}
