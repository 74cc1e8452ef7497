package dev.userkit.http;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.domain.User;
import dev.userkit.recovery.Recovery;
import dev.userkit.sessions.LoginResult;
import dev.userkit.sessions.Sessions;
import dev.userkit.sessions.Validation;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * jxMono's login routes (W3) under {@link HttpSettings#loginPath()}: {@code POST /login} answers 200
 * with the user and sets the session and CSRF cookies, 400 when the request is already logged in
 * (1017) or a field is missing (1010), 403 when authentication fails (603, 601, 805, 806, a login check's refusal),
 * 429 with {@code Retry-After} when throttled; {@code POST /logout} ends the session and clears the
 * cookies (200); {@code GET /userInfo} is the session's user, or 204 when there is none;
 * {@code POST /forgot} with {@code username} (a name or an email) mails a reset link and answers 200
 * whether or not the account exists; {@code POST /reset} with the link's {@code code} and a new
 * {@code password} resets it (200, or 400 with 800, 801 or a password rule's code). Each takes a
 * JSON object or a form.
 */
public final class LoginRoutes extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Sessions sessions;
    private final transient Recovery recovery;
    private final transient SessionCookies cookies;
    private final transient JsonBodies bodies;
    private final transient HttpSettings settings;

    LoginRoutes(Sessions sessions, Recovery recovery, HttpSettings settings) {
        this.sessions = sessions;
        this.recovery = recovery;
        this.cookies = new SessionCookies(settings);
        this.bodies = new JsonBodies(settings.maxBodyBytes());
        this.settings = settings;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String route = request.getPathInfo() == null ? "" : request.getPathInfo();
        Responses.answering(response, "A login route", () -> {
            switch (route) {
                case "/login" -> login(request, response);
                case "/logout" -> logout(request, response);
                case "/forgot" -> forgot(request, response);
                case "/reset" -> reset(request, response);
                default -> Responses.plain(response, 404, "No such route");
            }
        });
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"/userInfo".equals(request.getPathInfo())) {
            Responses.plain(response, 404, "No such route");
            return;
        }
        Validation v = RequestAttributes.validation(request).filter(x -> !x.anonymous()).orElse(null);
        if (v == null) {
            Responses.secure(response);
            response.setStatus(204);
            return;
        }
        Responses.json(response, 200, userInfo(v.user().orElseThrow(), null));
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException, JsonBodies.TooLarge {
        PresentedToken presented = RequestAttributes.token(request);
        sessions.requireNoUserSession(presented == null ? null : presented.value());
        Map<String, String> fields = bodies.fields(request, "username", "password");
        String username = fields.get("username");
        String password = fields.get("password");
        if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
            throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "username and password are required");
        }
        ClientContext client = RequestAttributes.client(request);
        LoginResult result;
        try {
            result = sessions.login(username, password, client);
        } catch (UserKitException refused) {
            if (refused.code() == ErrorCode.THROTTLED || refused.code() == ErrorCode.INVALID_ARGUMENT) throw refused;
            // jxMono answers every failed authentication 403; the body still carries the code
            Responses.json(response, 403, Map.of("message", refused.getMessage(), "internalStatus", refused.code().number()));
            return;
        }
        boolean secure = Boolean.TRUE.equals(request.getAttribute(AuthenticationFilter.SECURE));
        cookies.issue(response, result.token(), secure);
        if (settings.knownClientToken().cookie() != null) cookies.knownClient(response, result.knownClientToken(), secure);
        Responses.json(response, 200, userInfo(result.user(), result.roleNames()));
    }

    private void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PresentedToken token = RequestAttributes.token(request);
        if (token != null && RequestAttributes.validation(request).isPresent()) sessions.logout(token.value());
        cookies.clear(response, Boolean.TRUE.equals(request.getAttribute(AuthenticationFilter.SECURE)));
        Responses.json(response, 200, Map.of());
    }

    /** jxMono's forgot: the same 200 whether or not the account exists (SEC-10: core queues a decoy for nobody). */
    private void forgot(HttpServletRequest request, HttpServletResponse response) throws IOException, JsonBodies.TooLarge {
        String username = bodies.fields(request, "username").get("username");
        if (username == null || username.isEmpty()) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "username is required");
        recovery.requestPasswordReset(username, RequestAttributes.client(request));
        Responses.json(response, 200, Map.of());
    }

    /** jxMono's reset: the code from the mailed link and the new password; 400 with 800, 801 or a password rule's code. */
    private void reset(HttpServletRequest request, HttpServletResponse response) throws IOException, JsonBodies.TooLarge {
        Map<String, String> fields = bodies.fields(request, "code", "password");
        String code = fields.get("code");
        String password = fields.get("password");
        if (code == null || code.isEmpty() || password == null || password.isEmpty()) {
            throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "code and password are required");
        }
        recovery.resetPassword(code, password);
        Responses.json(response, 200, Map.of());
    }

    private static Map<String, Object> userInfo(User user, List<String> roles) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", user.id().toString());
        body.put("username", user.username().value());
        if (roles != null) body.put("roles", roles);
        return body;
    }
}
