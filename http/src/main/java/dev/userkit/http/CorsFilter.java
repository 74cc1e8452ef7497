package dev.userkit.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * CORS for the configured origins only ({@link HttpSettings#allowedOrigins()}): their requests get
 * {@code Access-Control-Allow-Origin} with credentials, and their preflights are answered 204 here,
 * before authorisation (a preflight carries no credentials). A preflight from any other origin is
 * 403, and its other requests get no CORS header, so the browser keeps the answer from the page.
 */
public final class CorsFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final String METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";

    private final transient Origins origins;
    private final transient String allowedHeaders;

    CorsFilter(HttpSettings settings) {
        this.origins = new Origins(settings.allowedOrigins());
        StringBuilder headers = new StringBuilder("Authorization, Content-Type, ").append(settings.csrfHeader());
        if (settings.deviceToken().header() != null) headers.append(", ").append(settings.deviceToken().header());
        if (settings.knownClientToken().header() != null) headers.append(", ").append(settings.knownClientToken().header());
        this.allowedHeaders = headers.toString();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        boolean preflight = "OPTIONS".equals(request.getMethod()) && origin != null
                && request.getHeader("Access-Control-Request-Method") != null;
        if (origin != null) response.addHeader("Vary", "Origin");
        if (!origins.corsAllowed(origin)) {
            if (preflight) {
                Responses.plain(response, 403, "Origin not allowed");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Allow-Credentials", "true");
        if (preflight) {
            response.setHeader("Access-Control-Allow-Methods", METHODS);
            response.setHeader("Access-Control-Allow-Headers", allowedHeaders);
            response.setHeader("Access-Control-Max-Age", "600");
            Responses.secure(response);
            response.setStatus(204);
            return;
        }
        chain.doFilter(request, response);
    }
}
