package dev.userkit.server.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The site's root ({@code /}): a person who opens the server's address lands on the pages (my
 * account, which sends a visitor without a session on to log in) rather than on the API's 401.
 */
public final class HomeRedirect extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The root's path for {@link jakarta.servlet.ServletRegistration.Dynamic#addMapping}: the empty string maps the context root alone. */
    public static final String MAPPING = "";

    private final String target;

    /**
     * A redirect of the root to this path.
     *
     * @param target the absolute path within the application, such as {@code /pages/account}
     */
    public HomeRedirect(String target) {
        this.target = target;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + target);
    }
}
