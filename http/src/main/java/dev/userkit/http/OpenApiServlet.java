package dev.userkit.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves the OpenAPI 3.1 description of umpack's API (W4) at {@value #PATH}, a public path, with the
 * edge's usual headers (any other method is a JSON 405): the hand-written document as this deployment answers it (its server URL is
 * the context path plus the base path; see {@link OpenApiDocument}). GET and HEAD only.
 */
public final class OpenApiServlet extends HttpServlet {
    /** Where {@link UserKitHttp#mount} maps it, relative to the context path. */
    public static final String PATH = "/openapi.json";
    private static final long serialVersionUID = 1L;

    private final transient RouteTable routes;
    private final transient HttpSettings settings;
    private transient ObjectNode document;

    OpenApiServlet(RouteTable routes, HttpSettings settings) {
        this.routes = routes;
        this.settings = settings;
    }

    @Override
    public void init() {
        // the context path is known only once the servlet belongs to a context, and never changes after
        document = OpenApiDocument.forDeployment(routes, settings, getServletContext().getContextPath());
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, jakarta.servlet.ServletException {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            super.service(request, response);
            return;
        }
        // HttpServlet's own 405 is the container's error page: the edge answers in JSON, as everywhere
        response.setHeader("Allow", "GET, HEAD");
        Responses.plain(response, 405, "Method not allowed");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Responses.json(response, 200, document);
    }
}
