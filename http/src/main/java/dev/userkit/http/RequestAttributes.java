package dev.userkit.http;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.domain.User;
import dev.userkit.sessions.Validation;
import jakarta.servlet.ServletRequest;
import java.util.Optional;

/**
 * What {@link AuthenticationFilter} leaves on a request for the filters after it and for the
 * application: the validated session with its user, the caller's {@link ClientContext}, and why a
 * presented token did not validate. Read them through these methods rather than by attribute name.
 */
public final class RequestAttributes {
    /** Attribute name of the {@link Validation} of the request's session token. */
    public static final String VALIDATION = "dev.userkit.http.validation";
    /** Attribute name of the request's {@link ClientContext}. */
    public static final String CLIENT = "dev.userkit.http.client";
    static final String FAILURE = "dev.userkit.http.failure";
    static final String TOKEN = "dev.userkit.http.token";

    private RequestAttributes() {}

    /**
     * The request's validated session and its user, if it presented a token that validated.
     *
     * @param request the request
     * @return the validation, or empty
     */
    public static Optional<Validation> validation(ServletRequest request) {
        return Optional.ofNullable((Validation) request.getAttribute(VALIDATION));
    }

    /**
     * The request's user, if it presented a live session of a user (not an anonymous one).
     *
     * @param request the request
     * @return the user, or empty
     */
    public static Optional<User> user(ServletRequest request) {
        return validation(request).flatMap(Validation::user);
    }

    /**
     * The caller as the edge sees it: address through trusted proxies, device and known-client
     * tokens, user agent, first choice of language. {@link ClientContext#NONE} outside the filter.
     *
     * @param request the request
     * @return the client context
     */
    public static ClientContext client(ServletRequest request) {
        Object c = request.getAttribute(CLIENT);
        return c instanceof ClientContext cc ? cc : ClientContext.NONE;
    }

    /**
     * Whether the client reached the edge over TLS, as the trusted proxies report it.
     *
     * @param request the request
     * @return true under TLS
     */
    public static boolean secure(ServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(AuthenticationFilter.SECURE));
    }

    /**
     * The CSRF token a form of this request's page must carry in {@link CsrfFilter#FORM_FIELD}: the
     * one bound to the live session cookie the request presented. Empty without one, where
     * {@link CsrfFilter} checks only the origin.
     *
     * @param request the request
     * @return the token, or empty
     */
    public static Optional<String> csrfToken(ServletRequest request) {
        PresentedToken token = token(request);
        if (token == null || token.carrier() != PresentedToken.Carrier.COOKIE || validation(request).isEmpty()) return Optional.empty();
        return Optional.of(CsrfTokens.of(token.value()));
    }

    /** Why the presented token did not validate (606, 607, 608), or null when it did or none came. */
    static ErrorCode failure(ServletRequest request) {
        return (ErrorCode) request.getAttribute(FAILURE);
    }

    /** The token the request presented, or null. */
    static PresentedToken token(ServletRequest request) {
        return (PresentedToken) request.getAttribute(TOKEN);
    }
}
