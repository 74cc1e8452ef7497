package dev.userkit.spring.security;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.StoreException;
import dev.userkit.UserKitException;
import dev.userkit.http.RequestAttributes;
import dev.userkit.sessions.LoginResult;
import dev.userkit.sessions.Sessions;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Username (or email) and password through UserKit's login ({@link Sessions#login}), so that its
 * throttling, lockouts, known clients, devices and audit apply to Spring Security's form, basic or
 * JSON logins alike. A success is a {@link UserKitAuthentication} carrying the new session's token.
 * A refusal is Spring's exception for it with UserKit's {@link UserKitException} (and its
 * {@link ErrorCode}) as the cause ({@link #errorCode}): 603 {@link BadCredentialsException},
 * 601 {@link DisabledException}, 1005 {@link LockedException}, 806 and 1008 {@link BadCredentialsException},
 * a storage fault {@link AuthenticationServiceException}. The caller's address, device and
 * known-client tokens come from UserKit's authentication filter ({@link RequestAttributes#client}).
 */
public final class UserKitAuthenticationProvider implements AuthenticationProvider {
    private final Sessions sessions;

    /**
     * A provider over these sessions.
     *
     * @param sessions UserKit's sessions service
     */
    public UserKitAuthenticationProvider(Sessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String identifier = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (identifier == null || identifier.isBlank() || !(credentials instanceof String password)) {
            throw new BadCredentialsException(ErrorCode.WRONG_CREDENTIALS.defaultMessage());
        }
        try {
            LoginResult login = sessions.login(identifier, password, client());
            return UserKitAuthentication.loggedIn(login.user().id(), login.user().username().value(), login.roleNames(), login.token());
        } catch (UserKitException e) {
            throw refusal(e);
        } catch (StoreException e) {
            throw new AuthenticationServiceException("The login failed on a storage fault", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /**
     * UserKit's code behind a refusal of this provider.
     *
     * @param failure what Spring Security reports
     * @return the code, or empty when the failure did not come from UserKit
     */
    public static Optional<ErrorCode> errorCode(AuthenticationException failure) {
        return failure.getCause() instanceof UserKitException e ? Optional.of(e.code()) : Optional.empty();
    }

    private static AuthenticationException refusal(UserKitException e) {
        String message = e.code().defaultMessage();
        return switch (e.code()) {
            case USER_NOT_ACTIVATED, USER_DISABLED -> new DisabledException(message, e);
            case THROTTLED -> new LockedException(message, e);
            default -> new BadCredentialsException(message, e);
        };
    }

    /** The caller as UserKit's filter read it, or nobody in particular outside a request. */
    private static ClientContext client() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? RequestAttributes.client(a.getRequest()) : ClientContext.NONE;
    }
}
