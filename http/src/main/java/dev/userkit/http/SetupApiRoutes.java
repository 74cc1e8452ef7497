package dev.userkit.http;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.access.Decision;
import dev.userkit.access.Verdict;
import dev.userkit.accounts.BootstrapResult;
import dev.userkit.accounts.RootOptions;
import dev.userkit.sessions.Validation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * umpack's set-up routes: {@code POST /initialization} and {@code HEAD /authorization}, both in
 * {@link HttpSettings#publicRoutes()} by default.
 *
 * <p>{@code POST /initialization} with {@code {umBaseUrl, deviceToken, password}} (all optional but
 * the device token under device control, 805 without it) creates the root user {@value #ROOT}
 * (email {@value #ROOT_EMAIL}) and the admin role with access to {@code umBaseUrl/**} only
 * (umpack's {@code init}; {@code umBaseUrl} defaults to the base path), and under device control the
 * root's permitted device (R6); it answers {@code {success: true, password}} with the given or a
 * generated password. It answers so once: when a root exists it refuses with 400 and 602
 * (USER_EXISTS) and resets, grants and reveals nothing. Whoever calls it first on a fresh store
 * becomes root, so take it out of the public routes (or bootstrap from code) where that matters.
 *
 * <p>{@code HEAD /authorization} checks the caller's token: 200 for a live user session (from its
 * device, under device control), otherwise 401 (606, 607, 608) or 403 (806). A HEAD answer has no
 * body, so the code travels in the {@value #STATUS_HEADER} header. With {@code X-Original-Method}
 * and {@code X-Original-URI} (what nginx's {@code auth_request} and other reverse proxies send) it
 * answers the R4 decision for that request instead: 200, 401, or 403 with 609 or 806; the URI is
 * authorised as the proxy passes it, so permissions name the paths the proxy sees.
 */
final class SetupApiRoutes {
    /** The root user's username. */
    static final String ROOT = "root";
    /** The root user's email: a reserved domain (RFC 2606) that receives nothing; set a real one afterwards. */
    static final String ROOT_EMAIL = "root@localhost.invalid";
    /** Where HEAD answers carry the code. */
    static final String STATUS_HEADER = "X-Internal-Status";
    private static final String ORIGINAL_METHOD = "X-Original-Method";
    private static final String ORIGINAL_URI = "X-Original-URI";

    private final UserKit kit;
    private final HttpSettings settings;

    SetupApiRoutes(UserKit kit, HttpSettings settings) {
        this.kit = kit;
        this.settings = settings;
    }

    void register(RouteTable table) {
        table.add("POST", "/initialization", this::initialize);
        table.add("HEAD", "/authorization", this::authorization);
    }

    private void initialize(ApiCall call) throws IOException, JsonBodies.TooLarge {
        String base = call.text("umBaseUrl");
        RootOptions options = RootOptions.apiOnly(base == null ? settings.basePath() : base).withDevice(call.text("deviceToken"));
        BootstrapResult r = kit.bootstrap().initialize(ROOT, ROOT_EMAIL, call.text("password"), options);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        out.put("password", r.password());
        call.ok(out);
    }

    private void authorization(ApiCall call) {
        HttpServletResponse response = call.response();
        Responses.secure(response);
        // a storage fault propagates: the servlet answers 503, never 200 (REL-5)
        Verdict verdict = verdict(call);
        response.setStatus(verdict.allowed() ? 200 : HttpStatuses.of(verdict.code()));
        if (!verdict.allowed()) response.setHeader(STATUS_HEADER, Integer.toString(verdict.code().number()));
    }

    private Verdict verdict(ApiCall call) {
        Validation validation = call.validation().orElse(null);
        if (validation == null) {
            ErrorCode failure = RequestAttributes.failure(call.request());
            return new Verdict(Decision.UNAUTHENTICATED, failure == null ? ErrorCode.TOKEN_MISSING : failure);
        }
        String deviceToken = call.client().deviceToken();
        String method = call.request().getHeader(ORIGINAL_METHOD);
        String uri = call.request().getHeader(ORIGINAL_URI);
        if (method != null && uri != null) {
            return kit.access().checkSession(validation, deviceToken, AuthorizationFilter.verbOf(method), uri);
        }
        if (validation.anonymous()) return new Verdict(Decision.UNAUTHENTICATED, ErrorCode.TOKEN_INVALID);
        try {
            kit.devices().checkRequestDevice(validation, deviceToken);
        } catch (UserKitException refused) {
            return new Verdict(Decision.FORBIDDEN, refused.code());
        }
        return Verdict.ALLOWED;
    }
}
