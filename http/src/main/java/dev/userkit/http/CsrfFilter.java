package dev.userkit.http;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * CSRF defence (SEC-30) for state-changing requests (anything but GET, HEAD, OPTIONS and TRACE).
 * A request authenticated by the session cookie must come from the site's own origin or a
 * configured one ({@code Origin}, else the {@code Referer}'s origin; neither is refused) and echo the
 * session's CSRF token ({@link CsrfTokens}, handed out in the CSRF cookie) in the CSRF header, or a
 * form post in its {@value #FORM_FIELD} field. A cookie that does not validate authenticates
 * nothing and is treated as no token.
 * A request with a bearer or raw {@code authorization} header is exempt: a browser never adds one
 * by itself. A request with no token at all (a login) is refused only when its {@code Origin} is a
 * foreign one, which stops login CSRF. Refusals are 403 with 609.
 */
public final class CsrfFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    /** The form field a page's form carries the CSRF token in. */
    public static final String FORM_FIELD = "_csrf";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final transient Origins origins;
    private final transient String header;

    CsrfFilter(HttpSettings settings) {
        this.origins = new Origins(settings.allowedOrigins());
        this.header = settings.csrfHeader();
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (SAFE.contains(request.getMethod()) || allowed(request)) {
            chain.doFilter(request, response);
            return;
        }
        Responses.error(response, new UserKitException(ErrorCode.ACCESS_DENIED, "Cross-site request refused"));
    }

    private boolean allowed(HttpServletRequest request) {
        PresentedToken token = RequestAttributes.token(request);
        boolean secure = Boolean.TRUE.equals(request.getAttribute(AuthenticationFilter.SECURE));
        String origin = request.getHeader("Origin");
        // a cookie that does not validate authenticates nothing: a stale one must not block a login form
        boolean live = token != null && (RequestAttributes.validation(request).isPresent() || RequestAttributes.accessToken(request).isPresent());
        if (!live) return origin == null || origins.sameOrAllowed(origin, request, secure);
        if (token.carrier() == PresentedToken.Carrier.HEADER) return true;
        String from = origin != null ? origin : Origins.ofReferer(request.getHeader("Referer"));
        return origins.sameOrAllowed(from, request, secure) && CsrfTokens.matches(token.value(), presented(request));
    }

    /** The CSRF token from the header, or from the {@value #FORM_FIELD} field of a form post (a form cannot set headers). */
    private String presented(HttpServletRequest request) {
        String h = request.getHeader(header);
        if (h != null) return h;
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                ? request.getParameter(FORM_FIELD) : null;
    }
}
