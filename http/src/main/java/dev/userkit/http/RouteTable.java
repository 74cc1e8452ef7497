package dev.userkit.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The routes of the umpack API, in the order they were added; the first route whose method and
 * template match answers. Also the source of truth for the OpenAPI description's test and for the
 * {@code Allow} header of a 405.
 */
final class RouteTable {
    /** A route matched with its path parameters. */
    record Match(Route route, Map<String, String> params) {}

    private final List<Route> routes = new ArrayList<>();

    /**
     * Adds a route.
     *
     * @throws IllegalStateException when the same method and template are there already
     */
    RouteTable add(String method, String template, Route.Handler handler) {
        if (has(method, template)) throw new IllegalStateException("Route added twice: " + method + " " + template);
        routes.add(new Route(method, template, handler));
        return this;
    }

    /** Every route, in order. */
    List<Route> routes() {
        return List.copyOf(routes);
    }

    /** Whether a route with exactly this method and template is in the table. */
    boolean has(String method, String template) {
        for (Route r : routes) {
            if (r.method().equals(method) && r.template().equals(template)) return true;
        }
        return false;
    }

    /** The route for this method and canonical path (relative to the base path), if any. */
    Optional<Match> match(String method, String path) {
        List<String> segments = segments(path);
        for (Route r : routes) {
            if (!r.method().equals(method)) continue;
            Map<String, String> params = r.match(segments);
            if (params != null) return Optional.of(new Match(r, params));
        }
        return Optional.empty();
    }

    /** The methods some route answers on this path: empty means 404, otherwise 405 with these in {@code Allow}. */
    TreeSet<String> methodsOn(String path) {
        List<String> segments = segments(path);
        TreeSet<String> methods = new TreeSet<>();
        for (Route r : routes) {
            if (r.match(segments) != null) methods.add(r.method());
        }
        return methods;
    }

    /** The segments of a canonical path ({@link dev.userkit.access.AccessControl#canonicalPath}: decoded, no encoded '/'). */
    static List<String> segments(String canonicalPath) {
        String p = canonicalPath == null || canonicalPath.isEmpty() ? "/" : canonicalPath;
        return List.of(p.substring(1).split("/", -1));
    }
}
