package dev.userkit.http;

import dev.userkit.ErrorCode;
import dev.userkit.StoreException;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.access.AccessControl;
import dev.userkit.access.Decision;
import dev.userkit.domain.Verb;
import dev.userkit.sessions.Validation;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authorisation (R4) as a filter, umpack's {@code isAuthorized}: deny by default. A request passes
 * only when its path is public ({@link HttpSettings#publicPaths()}), it is one of the API's
 * {@link HttpSettings#publicRoutes()} with that route's method, or its session's user holds a
 * permission for its verb and path (for a signed access token, S9: one of the roles it names
 * holds one, {@link AccessControl#authorizeRoles}); otherwise 401 {@code {message, internalStatus}}
 * with 606 (no token), 607 (invalid, or an anonymous session) or 608 (expired), or 403 with 609 (no permission,
 * an unknown verb such as PROPFIND, or a path without a canonical form) or 806 (a session token used
 * off the device it was issued to), or 503 on a storage fault (never ALLOWED, REL-5).
 *
 * <p>The path authorised is the request URI as the client sent it, less the context path: core's
 * {@link AccessControl#canonicalPath} decodes it the way the container does before dispatching, and
 * refuses every form ({@code ..}, {@code //}, {@code %2F}, {@code ;jsessionid=}) where the two could
 * differ, so the resource checked is the resource served.
 */
public final class AuthorizationFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizationFilter.class);

    private final transient UserKit kit;
    private final transient List<String> publicPaths;
    private final transient PublicRoutes publicRoutes;

    AuthorizationFilter(UserKit kit, List<String> publicPaths, PublicRoutes publicRoutes) {
        this.kit = kit;
        this.publicPaths = List.copyOf(publicPaths);
        this.publicRoutes = publicRoutes;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String path = pathOf(request);
        if (isPublic(path) || publicRoutes.matches(request.getMethod(), path)) {
            chain.doFilter(request, response);
            return;
        }
        try {
            decide(request, path);
        } catch (UserKitException refused) {
            Responses.error(response, refused);
            return;
        } catch (StoreException e) {
            LOG.warn("Authorisation failed on a storage fault; the request is refused", e);
            Responses.plain(response, 503, "Service unavailable");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Returns when the request may pass; otherwise throws the outcome to answer. */
    private void decide(HttpServletRequest request, String path) {
        AccessToken accessToken = RequestAttributes.accessToken(request).orElse(null);
        if (accessToken != null) {
            // S9: the roles the token claims, with their permissions as the catalog holds them now
            if (kit.access().authorizeRoles(accessToken.roles(), verbOf(request.getMethod()), path) != Decision.ALLOWED) {
                throw new UserKitException(ErrorCode.ACCESS_DENIED);
            }
            return;
        }
        Validation validation = RequestAttributes.validation(request).orElse(null);
        if (validation == null) {
            ErrorCode failure = RequestAttributes.failure(request);
            throw new UserKitException(failure == null ? ErrorCode.TOKEN_MISSING : failure);
        }
        if (validation.anonymous()) throw new UserKitException(ErrorCode.TOKEN_INVALID, "The session belongs to no user: log in");
        // the verdict carries its code: 806 for the device, 609 for the permission (R6)
        kit.access().checkSession(validation, RequestAttributes.client(request).deviceToken(), verbOf(request.getMethod()), path).orThrow();
    }

    private boolean isPublic(String path) {
        for (String pattern : publicPaths) {
            if (AccessControl.pathMatches(pattern, path)) return true;
        }
        return false;
    }

    /** The raw request path within the application: the URI as sent (still encoded, with any path parameters), less the context path. */
    static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        String path = context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
        return path.isEmpty() ? "/" : path;
    }

    /** The verb a permission can name, or null (refused) for any other method; methods are case-sensitive (RFC 9110). */
    static Verb verbOf(String method) {
        for (Verb v : Verb.values()) {
            if (v.name().equals(method)) return v;
        }
        return null;
    }
}
