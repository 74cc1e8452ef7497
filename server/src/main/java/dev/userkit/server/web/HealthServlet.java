package dev.userkit.server.web;

import dev.userkit.StoreException;
import dev.userkit.UserKit;
import dev.userkit.accounts.Bootstrap;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /health/live}: 200 while the process serves requests. {@code /health/ready}: 200 when the
 * store answers a read through the services (the admin role's lookup), 503 when it does not, so a
 * load balancer sends no request to an instance whose database is gone.
 */
final class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient UserKit kit;

    HealthServlet(UserKit kit) {
        this.kit = kit;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String route = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (route) {
            case "/live" -> answer(response, 200, "live");
            case "/ready" -> ready(response);
            default -> answer(response, 404, "No such route");
        }
    }

    private void ready(HttpServletResponse response) throws IOException {
        try {
            kit.access().findRole(Bootstrap.ADMIN_ROLE);
            answer(response, 200, "ready");
        } catch (StoreException e) {
            answer(response, 503, "store unavailable");
        }
    }

    private static void answer(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write((text + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
