package dev.userkit.pages;

import dev.userkit.ClientContext;
import dev.userkit.domain.User;
import dev.userkit.http.RequestAttributes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What every page of one request knows: the caller as the HTTP edge saw it (its language from
 * {@code Accept-Language}, its user if a live session came), the words in that language, the CSRF
 * token its forms carry, and where the pages are. {@link #scope()} hands them to a template.
 */
final class PageContext {
    private final HttpServletRequest request;
    private final String base;
    private final Map<String, String> words;

    PageContext(HttpServletRequest request, String pagesPath) {
        this.request = request;
        this.base = request.getContextPath() + pagesPath;
        this.words = PageWords.of(locale());
    }

    HttpServletRequest request() { return request; }

    ClientContext client() { return RequestAttributes.client(request); }

    Locale locale() {
        Locale l = client().locale();
        return l == null ? Locale.ENGLISH : l;
    }

    Optional<User> user() { return RequestAttributes.user(request); }

    /** The path of a page, such as {@code /login}, as the browser reaches it. */
    String page(String name) { return base + name; }

    String word(String key) { return words.getOrDefault(key, key); }

    /** A form field, stripped of nothing (passwords keep their spaces); never null. */
    String field(String name) {
        String v = request.getParameter(name);
        return v == null ? "" : v;
    }

    /** The values every template reads, to which a page adds its own. */
    Map<String, Object> scope() {
        Map<String, Object> scope = new HashMap<>();
        scope.put("t", words);
        scope.put("lang", locale().toLanguageTag());
        scope.put("base", base);
        scope.put("csrfField", dev.userkit.http.CsrfFilter.FORM_FIELD);
        RequestAttributes.csrfToken(request).ifPresent(t -> scope.put("csrf", t));
        user().ifPresent(u -> scope.put("me", u.username().value()));
        String done = request.getParameter("done");
        // only a known key shows: a crafted link cannot make the page say anything else
        if (done != null && words.containsKey("done_" + done)) scope.put("notice", words.get("done_" + done));
        return scope;
    }
}
