package dev.userkit.http;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.domain.User;
import dev.userkit.sessions.Validation;
import jakarta.servlet.ServletRequest;
import java.util.Optional;

/**
 * What {@link AuthenticationFilter} leaves on a request for the filters after it and for the
 * application: the validated session with its user, or the verified access token, the caller's {@link ClientContext}, and why a
 * presented token did not validate. Read them through these methods rather than by attribute name.
 */
public final class RequestAttributes {
    /** Attribute name of the {@link Validation} of the request's session token. */
    public static final String VALIDATION = "dev.userkit.http.validation";
    /** Attribute name of the verified {@link AccessToken} the request presented (S9). */
    public static final String ACCESS_TOKEN = "dev.userkit.http.accessToken";
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
     * The verified claims of the signed access token the request presented (S9), if it presented
     * one that passed every check. Such a request has no {@link #validation}: the token was checked
     * without a store, so the user's record was not read.
     *
     * @param request the request
     * @return the token's claims, or empty
     */
    public static Optional<AccessToken> accessToken(ServletRequest request) {
        return Optional.ofNullable((AccessToken) request.getAttribute(ACCESS_TOKEN));
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

    /** Why the presented token did not validate (606, 607, 608), or null when it did or none came. */
    static ErrorCode failure(ServletRequest request) {
        return (ErrorCode) request.getAttribute(FAILURE);
    }

    /** The token the request presented, or null. */
    static PresentedToken token(ServletRequest request) {
        return (PresentedToken) request.getAttribute(TOKEN);
    }
}
