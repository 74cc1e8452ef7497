package dev.userkit.spring.security;

import dev.userkit.access.AccessControl;
import dev.userkit.domain.Role;
import dev.userkit.http.RequestAttributes;
import dev.userkit.sessions.Validation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * The UserKit credential a request presents as an {@link Authentication}: the session token (cookie,
 * {@code Authorization: Bearer} or umpack's raw header) or signed access token (S9) that UserKit's
 * {@code AuthenticationFilter} validated and left on the request ({@link RequestAttributes}). That
 * filter, which the starter registers before Spring Security's chain, is the one reader of tokens, so
 * both see the same token the same way. Null (no authentication) when the request presents none, an
 * anonymous session, or one that did not validate; Spring Security's entry point then answers.
 */
public final class UserKitTokenConverter implements AuthenticationConverter {
    private final AccessControl access;

    /**
     * A converter reading the user's roles from this service.
     *
     * @param access UserKit's access control
     */
    public UserKitTokenConverter(AccessControl access) {
        this.access = Objects.requireNonNull(access, "access");
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        var token = RequestAttributes.accessToken(request);
        if (token.isPresent()) return UserKitAuthentication.accessToken(token.get());
        Validation validation = RequestAttributes.validation(request).orElse(null);
        if (validation == null || validation.anonymous()) return null;
        var roles = access.rolesOf(validation.session().userId()).stream().map(Role::name).toList();
        return UserKitAuthentication.session(validation, roles);
    }
}
