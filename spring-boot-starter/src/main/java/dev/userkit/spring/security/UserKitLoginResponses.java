package dev.userkit.spring.security;

import dev.userkit.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * JSON answers to a Spring Security login backed by {@link UserKitAuthenticationProvider}, for API
 * clients: 200 {@code {"token": "..."}} with the new UserKit session's token (send it as
 * {@code Authorization: Bearer} from then on), or 401 {@code {"message": "...", "internalStatus": 603}}
 * with UserKit's code, umpack's error shape. No redirect and no HTTP session.
 */
public final class UserKitLoginResponses implements AuthenticationSuccessHandler, AuthenticationFailureHandler {
    /** Stateless: nothing to configure. */
    public UserKitLoginResponses() {}

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        String token = authentication instanceof UserKitAuthentication u ? u.sessionToken().orElse(null) : null;
        if (token == null) {
            // another provider authenticated: there is no UserKit session to hand out
            write(response, 500, "{\"message\":\"The login made no UserKit session\"}");
            return;
        }
        // a token is base64url: nothing in it needs escaping
        write(response, 200, "{\"token\":\"" + token + "\"}");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        ErrorCode code = UserKitAuthenticationProvider.errorCode(failure).orElse(ErrorCode.WRONG_CREDENTIALS);
        write(response, 401, "{\"message\":\"" + code.defaultMessage() + "\",\"internalStatus\":" + code.number() + "}");
    }

    private static void write(HttpServletResponse response, int status, String json) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }
}
