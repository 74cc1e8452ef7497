package dev.userkit.http;

import dev.userkit.access.AccessControl;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.TreeSet;

/**
 * umpack's REST API (W1) under {@link HttpSettings#basePath()}: one servlet that dispatches on a
 * {@link RouteTable}. A domain outcome is answered as its code ({@link HttpStatuses}: 400 with
 * {@code internalStatus}, 401/403/404/429), a body over the cap 413, an unknown path 404, a known
 * path with another method 405 with {@code Allow}, a storage fault 503; never a stack trace.
 * Each route is authorised by the {@link AuthorizationFilter} before it gets here (R4 on the route's
 * own path), except the {@link HttpSettings#publicRoutes()}.
 */
public final class UmpackApi extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient RouteTable routes;
    private final transient JsonBodies bodies;

    UmpackApi(RouteTable routes, HttpSettings settings) {
        this.routes = routes;
        this.bodies = new JsonBodies(settings.maxBodyBytes());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> path = rawPathInfo(request).flatMap(AccessControl::canonicalPath);
        if (path.isEmpty()) {
            Responses.plain(response, 404, "No such route");
            return;
        }
        Optional<RouteTable.Match> match = routes.match(request.getMethod(), path.get());
        if (match.isEmpty()) {
            TreeSet<String> allowed = routes.methodsOn(path.get());
            if (allowed.isEmpty()) {
                Responses.plain(response, 404, "No such route");
            } else {
                response.setHeader("Allow", String.join(", ", allowed));
                Responses.plain(response, 405, "Method not allowed");
            }
            return;
        }
        Responses.answering(response, "An API route",
                () -> match.get().route().handler().handle(new ApiCall(request, response, match.get().params(), bodies)));
    }

    /**
     * The request path below the servlet's mapping as the client sent it (still encoded), so that it
     * is canonicalised once, by core; empty when the raw path does not start with the (plain ASCII)
     * mapping, which only an escaped letter in the base path can cause.
     */
    private static Optional<String> rawPathInfo(HttpServletRequest request) {
        String uri = AuthorizationFilter.pathOf(request);
        String servlet = request.getServletPath() == null ? "" : request.getServletPath();
        if (!uri.startsWith(servlet)) return Optional.empty();
        String rest = uri.substring(servlet.length());
        return Optional.of(rest.isEmpty() ? "/" : rest);
    }
}
