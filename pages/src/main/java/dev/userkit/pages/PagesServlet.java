package dev.userkit.pages;

import dev.userkit.StoreException;
import dev.userkit.UserKitException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes a request under the pages' path to its {@link Page} by the rest of the path, and serves the
 * one stylesheet. The HTTP edge's filters have run before: the CSRF filter has refused a
 * cross-site form post, and the authorisation filter a non-admin on the admin pages.
 */
final class PagesServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PagesServlet.class);
    static final String STYLESHEET = "/style.css";

    private final transient Map<String, Page> pages;
    private final transient PageView view;
    private final String pagesPath;

    PagesServlet(Map<String, Page> pages, PageView view, String pagesPath) {
        this.pages = Map.copyOf(pages);
        this.view = view;
        this.pagesPath = pagesPath;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String path = request.getPathInfo() == null || request.getPathInfo().equals("/") ? "/login" : request.getPathInfo();
        if (path.equals(STYLESHEET)) {
            stylesheet(response);
            return;
        }
        Page page = pages.get(path);
        if (page == null) {
            response.sendError(404);
            return;
        }
        PageContext context = new PageContext(request, pagesPath);
        try {
            switch (request.getMethod()) {
                case "GET", "HEAD" -> page.get(context, response);
                case "POST" -> page.post(context, response);
                default -> {
                    response.setHeader("Allow", "GET, HEAD, POST");
                    response.sendError(405);
                }
            }
        } catch (UserKitException e) {
            // a refusal no form catches (a code that is not the field's): the generic page, with its message
            Map<String, Object> scope = context.scope();
            scope.put("errors", FormErrors.of(e, context));
            view.render(response, e.code() == dev.userkit.ErrorCode.ACCESS_DENIED ? 403 : 400, "problem", scope);
        } catch (StoreException e) {
            LOG.warn("A page failed on a storage fault", e);
            response.sendError(503);
        }
    }

    private static void stylesheet(HttpServletResponse response) throws IOException {
        response.setContentType("text/css;charset=UTF-8");
        response.setHeader("Cache-Control", "max-age=3600");
        try (InputStream in = PagesServlet.class.getClassLoader().getResourceAsStream(PageView.FOLDER + "style.css")) {
            if (in == null) throw new IllegalStateException("The pages' stylesheet is missing from the classpath");
            in.transferTo(response.getOutputStream());
        }
    }
}
