package dev.userkit.pages;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a page from a mustache template under {@value #FOLDER} (each extends {@code layout}), with
 * mustache's HTML escaping of every {@code {{value}}}, and the headers every page carries: no
 * caching (pages show personal data and live CSRF tokens), no framing, no scripts or forms aimed
 * anywhere but this origin.
 */
final class PageView {
    static final String FOLDER = "dev/userkit/pages/templates/";
    private static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private final MustacheFactory factory = new DefaultMustacheFactory(FOLDER);

    void render(HttpServletResponse response, int status, String template, Map<String, Object> scope) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        noStore(response);
        response.setHeader("Content-Security-Policy", POLICY);
        Writer out = response.getWriter();
        factory.compile(template + ".mustache").execute(out, scope);
        out.flush();
    }

    static void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
    }
}
