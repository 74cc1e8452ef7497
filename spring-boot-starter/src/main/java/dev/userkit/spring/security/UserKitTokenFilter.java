package dev.userkit.spring.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the request's UserKit authentication ({@link UserKitTokenConverter}) into Spring Security's
 * context, for this request only: the token was already validated, so there is nothing to
 * authenticate again and nothing to keep in an HTTP session. A request already authenticated by
 * another mechanism keeps that authentication.
 */
public final class UserKitTokenFilter extends OncePerRequestFilter {
    private final UserKitTokenConverter converter;
    private final SecurityContextHolderStrategy contexts;

    /**
     * A filter over this converter and Spring Security's context strategy.
     *
     * @param converter reads the request's UserKit credential
     * @param contexts where the authentication goes
     */
    public UserKitTokenFilter(UserKitTokenConverter converter, SecurityContextHolderStrategy contexts) {
        this.converter = Objects.requireNonNull(converter, "converter");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = contexts.getContext().getAuthentication();
        if (current == null || !current.isAuthenticated()) {
            Authentication found = converter.convert(request);
            if (found != null) {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(found);
                contexts.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
