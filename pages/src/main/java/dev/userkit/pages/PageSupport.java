package dev.userkit.pages;

import dev.userkit.UserKitException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** What the pages share: the view, and the two ways a form post ends. */
final class PageSupport {
    private final PageView view;

    PageSupport(PageView view) {
        this.view = view;
    }

    void show(PageContext page, HttpServletResponse response, String template, Map<String, Object> extra) throws IOException {
        Map<String, Object> scope = page.scope();
        scope.putAll(extra);
        view.render(response, 200, template, scope);
    }

    /** A refused form: the form again, 400 (422 would suit too; 400 is what the API answers), with the refusal by its field. */
    void refuse(PageContext page, HttpServletResponse response, String template, Map<String, String> errors,
                Map<String, Object> extra) throws IOException {
        Map<String, Object> scope = page.scope();
        scope.putAll(extra);
        scope.put("errors", errors);
        view.render(response, 400, template, scope);
    }

    void refuse(PageContext page, HttpServletResponse response, String template, UserKitException e, Map<String, Object> extra)
            throws IOException {
        refuse(page, response, template, FormErrors.of(e, page), extra);
    }

    /** Post/redirect/get: 303 to a page, with a notice key the target shows when its bundle knows it. */
    static void redirect(PageContext page, HttpServletResponse response, String to, String done) throws IOException {
        PageView.noStore(response);
        response.setStatus(303);
        response.setHeader("Location", page.page(to) + (done == null ? "" : "?done=" + done));
    }
}
