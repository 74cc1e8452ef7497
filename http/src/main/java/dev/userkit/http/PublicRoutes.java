package dev.userkit.http;

import dev.userkit.access.AccessControl;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The umpack routes that pass the {@link AuthorizationFilter} without a permission
 * ({@link HttpSettings#publicRoutes()}), each {@code "METHOD /template"} relative to the base path.
 * A route matches only its own method, so {@code POST /signup} being public leaves
 * {@code GET /signup} denied by default.
 */
final class PublicRoutes {
    private final String basePath;
    private final List<Route> routes;

    PublicRoutes(String basePath, List<String> entries) {
        this.basePath = basePath;
        this.routes = entries.stream().map(PublicRoutes::parse).toList();
    }

    /**
     * Parses one entry, as {@link HttpSettings} does when it is built.
     *
     * @throws IllegalArgumentException when the entry is not "METHOD /template"
     */
    static Route parse(String entry) {
        String[] parts = entry == null ? new String[0] : entry.trim().split(" +");
        if (parts.length != 2 || !parts[0].equals(parts[0].toUpperCase(Locale.ROOT)) || !parts[0].matches("[A-Z]{3,7}")) {
            throw new IllegalArgumentException("publicRoutes: not \"METHOD /template\": " + entry);
        }
        return new Route(parts[0], parts[1], call -> { });
    }

    /**
     * Whether one of the public routes covers a route template of the table (relative to the base path):
     * a public entry's {@code {name}} matches the template's own parameter segment, whatever its name.
     */
    boolean coversTemplate(String method, String template) {
        List<String> segments = RouteTable.segments(template);
        for (Route r : routes) {
            if (r.method().equals(method) && r.match(segments) != null) return true;
        }
        return false;
    }

    /** Whether this request method and raw path (within the application) is one of the public routes. */
    boolean matches(String method, String rawPath) {
        Optional<String> canonical = AccessControl.canonicalPath(rawPath);
        if (canonical.isEmpty()) return false;
        String path = canonical.get();
        if (!path.startsWith(basePath + "/")) return false;
        List<String> segments = RouteTable.segments(path.substring(basePath.length()));
        for (Route r : routes) {
            Map<String, String> params = r.method().equals(method) ? r.match(segments) : null;
            if (params != null) return true;
        }
        return false;
    }
}
