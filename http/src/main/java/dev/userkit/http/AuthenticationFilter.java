package dev.userkit.http;

import dev.userkit.ErrorCode;
import dev.userkit.StoreException;
import dev.userkit.UserKitException;
import dev.userkit.sessions.Sessions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first filter (W1): reads the caller ({@link RequestAttributes#client}) and the session token
 * from the session cookie, {@code Authorization: Bearer} or umpack's raw {@code authorization}
 * header, validates it and leaves the session and user on the request; with access tokens on, a
 * header value shaped as a JWS is verified as a signed access token instead, without a store, and
 * its claims are left ({@link RequestAttributes#accessToken}). It refuses nothing itself:
 * {@link AuthorizationFilter} decides. It is also the edge's last line: an exception from anything
 * behind it is logged and answered 500 with a generic JSON body, so no stack trace reaches a client.
 */
public final class AuthenticationFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);
    /** Tokens are 43 base64url characters; a much longer value is refused before a store sees it. */
    private static final int MAX_TOKEN = 512;
    /**
     * A signed access token carries a few claims and the role names; a longer one is refused
     * unparsed. Below the containers' default 8 KiB of request headers, so the edge, not the container, answers.
     */
    private static final int MAX_ACCESS_TOKEN = 6_144;
    static final String SECURE = "dev.userkit.http.secure";

    private final transient Sessions sessions;
    private final transient TrustedProxies proxies;
    private final transient ClientContexts contexts;
    private final transient String cookieName;
    private final transient AccessTokens accessTokens;

    AuthenticationFilter(Sessions sessions, HttpSettings settings) {
        this.sessions = sessions;
        this.proxies = new TrustedProxies(settings.trustedProxies(), settings.forwardedHeader());
        this.contexts = new ClientContexts(settings);
        this.cookieName = settings.sessionCookie();
        this.accessTokens = settings.accessTokens() == null ? null : new AccessTokens(settings.accessTokens());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        try {
            TrustedProxies.Client client = proxies.client(request);
            request.setAttribute(SECURE, client.secure());
            request.setAttribute(RequestAttributes.CLIENT, contexts.of(request, client));
            PresentedToken token = PresentedToken.of(request, cookieName);
            if (token != null) authenticate(request, token);
        } catch (UserKitException malformed) {
            Responses.error(response, malformed);
            return;
        } catch (StoreException e) {
            LOG.warn("Session validation failed on a storage fault; the request is refused", e);
            Responses.plain(response, 503, "Service unavailable");
            return;
        } catch (RuntimeException e) {
            LOG.error("Authentication failed unexpectedly; the request is refused", e);
            Responses.plain(response, 500, "Internal error");
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            // the application's own failure: logged here in full, answered without a trace
            LOG.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), e);
            Responses.plain(response, 500, "Internal error");
        }
    }

    private void authenticate(HttpServletRequest request, PresentedToken token) {
        request.setAttribute(RequestAttributes.TOKEN, token);
        if (accessTokens != null && token.carrier() == PresentedToken.Carrier.HEADER && AccessTokens.looksLikeJws(token.value())) {
            verifyAccessToken(request, token.value());
            return;
        }
        if (token.value().length() > MAX_TOKEN) {
            request.setAttribute(RequestAttributes.FAILURE, ErrorCode.TOKEN_INVALID);
            return;
        }
        try {
            request.setAttribute(RequestAttributes.VALIDATION, sessions.validate(token.value()));
        } catch (UserKitException invalid) {
            request.setAttribute(RequestAttributes.FAILURE, invalid.code());
        }
    }

    /** A signed access token (S9): checked by signature and claims alone, no store round trip. */
    private void verifyAccessToken(HttpServletRequest request, String value) {
        if (value.length() > MAX_ACCESS_TOKEN) {
            request.setAttribute(RequestAttributes.FAILURE, ErrorCode.TOKEN_INVALID);
            return;
        }
        try {
            request.setAttribute(RequestAttributes.ACCESS_TOKEN, accessTokens.verify(value));
        } catch (UserKitException invalid) {
            request.setAttribute(RequestAttributes.FAILURE, invalid.code());
        }
    }
}
