package dev.userkit.spring.security;

import dev.userkit.StoreException;
import dev.userkit.UserKitException;
import dev.userkit.access.AccessControl;
import dev.userkit.access.Decision;
import dev.userkit.domain.Verb;
import dev.userkit.http.RequestAttributes;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * R4 for Spring Security: a request is granted when its {@link UserKitAuthentication}'s user holds a
 * permission for the request's verb and path, as {@link AccessControl} decides it: for a session,
 * {@link AccessControl#checkSession} (with the device check, 806), for a signed access token the roles
 * it names ({@link AccessControl#authorizeRoles}). Denied: no UserKit authentication, an unknown verb,
 * a path without a canonical form (core refuses {@code ..}, {@code //}, {@code %2F}) and a storage
 * fault or any refusal with a code (never granted on a fault, REL-5). The path is the request URI as sent, less the context path,
 * as UserKit's own authorisation filter reads it.
 *
 * <pre>{@code
 * http.authorizeHttpRequests(a -> a.requestMatchers("/api/**").access(userKitAuthorizationManager));
 * }</pre>
 */
public final class UserKitAuthorizationManager implements AuthorizationManager<RequestAuthorizationContext> {
    private static final AuthorizationDecision DENIED = new AuthorizationDecision(false);
    private final AccessControl access;

    /**
     * A manager deciding with this service.
     *
     * @param access UserKit's access control
     */
    public UserKitAuthorizationManager(AccessControl access) {
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        if (!(authentication.get() instanceof UserKitAuthentication user)) return DENIED;
        HttpServletRequest request = context.getRequest();
        Verb verb = Arrays.stream(Verb.values()).filter(v -> v.name().equals(request.getMethod())).findFirst().orElse(null);
        if (verb == null) return DENIED;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        try {
            if (user.accessTokenClaims().isPresent()) {
                return new AuthorizationDecision(access.authorizeRoles(user.roles(), verb, path.isEmpty() ? "/" : path) == Decision.ALLOWED);
            }
            return user.validation()
                    .map(v -> new AuthorizationDecision(access.checkSession(v, RequestAttributes.client(request).deviceToken(), verb,
                            path.isEmpty() ? "/" : path).allowed()))
                    .orElse(DENIED);
        } catch (StoreException | UserKitException e) {
            return DENIED;
        }
    }
}
