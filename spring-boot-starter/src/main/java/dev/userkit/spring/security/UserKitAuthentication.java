package dev.userkit.spring.security;

import dev.userkit.domain.UserId;
import dev.userkit.http.AccessToken;
import dev.userkit.sessions.Validation;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A user authenticated by UserKit: by a login (with the new session's token, to hand to the
 * client), by a session token that validated, or by a signed access token (S9). Its authorities are
 * the user's roles as {@code ROLE_<name>}, so {@code hasRole("admin")} works; R4's permissions are
 * {@link UserKitAuthorizationManager}'s. The principal is the {@link UserId}; {@link #getName()} the username
 * where it is known (not for an access token, which carries only the id).
 */
public final class UserKitAuthentication extends AbstractAuthenticationToken {
    private static final long serialVersionUID = 1L;
    /** The user. */
    private final UserId userId;
    /** The user's name, or null where only the id is known (an access token). */
    private final String username;
    /** The user's role names. */
    private final Set<String> roles;
    private final transient Validation validation;
    private final transient AccessToken accessToken;
    private final transient String sessionToken;

    private UserKitAuthentication(UserId userId, String username, Collection<String> roles, Validation validation,
                                  AccessToken accessToken, String sessionToken) {
        super(authorities(roles));
        this.userId = Objects.requireNonNull(userId, "userId");
        this.username = username;
        this.roles = Set.copyOf(roles);
        this.validation = validation;
        this.accessToken = accessToken;
        this.sessionToken = sessionToken;
        setAuthenticated(true);
    }

    /**
     * A login's result.
     *
     * @param userId the user
     * @param username the user's name
     * @param roles the user's role names
     * @param sessionToken the new session's token, for the client
     * @return the authentication
     */
    public static UserKitAuthentication loggedIn(UserId userId, String username, Collection<String> roles, String sessionToken) {
        return new UserKitAuthentication(userId, username, roles, null, null, Objects.requireNonNull(sessionToken, "sessionToken"));
    }

    /**
     * A request's session token that validated to a user's session.
     *
     * @param validation the validation, with its user
     * @param roles the user's role names
     * @return the authentication
     */
    public static UserKitAuthentication session(Validation validation, Collection<String> roles) {
        var user = validation.user().orElseThrow(() -> new IllegalArgumentException("an anonymous session authenticates no user"));
        return new UserKitAuthentication(user.id(), user.username().value(), roles, validation, null, null);
    }

    /**
     * A request's signed access token that passed every check.
     *
     * @param token its claims
     * @return the authentication
     */
    public static UserKitAuthentication accessToken(AccessToken token) {
        return new UserKitAuthentication(token.userId(), null, token.roles(), null, token, null);
    }

    private static List<GrantedAuthority> authorities(Collection<String> roles) {
        return roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }

    /**
     * The user.
     *
     * @return the user's id
     */
    public UserId userId() { return userId; }

    /**
     * The user's role names.
     *
     * @return the names, without Spring's {@code ROLE_} prefix
     */
    public Set<String> roles() { return roles; }

    /**
     * The validated session, when a session token authenticated the request.
     *
     * @return the validation, or empty
     */
    public Optional<Validation> validation() { return Optional.ofNullable(validation); }

    /**
     * The verified access token, when one authenticated the request.
     *
     * @return its claims, or empty
     */
    public Optional<AccessToken> accessTokenClaims() { return Optional.ofNullable(accessToken); }

    /**
     * The session token a login made, for the login's response; empty otherwise.
     *
     * @return the token, or empty
     */
    public Optional<String> sessionToken() { return Optional.ofNullable(sessionToken); }

    /** Nothing: the password was checked by UserKit and never kept. */
    @Override
    public Object getCredentials() { return ""; }

    @Override
    public Object getPrincipal() { return userId; }

    @Override
    public String getName() { return username != null ? username : userId.value().toString(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserKitAuthentication other && super.equals(o) && userId.equals(other.userId);
    }

    @Override
    public int hashCode() { return 31 * super.hashCode() + userId.hashCode(); }
}
