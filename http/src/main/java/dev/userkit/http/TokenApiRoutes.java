package dev.userkit.http;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.domain.Role;
import dev.userkit.sessions.Validation;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signed access tokens (S9), registered only when {@link HttpSettings#accessTokens()} is set:
 * {@code POST /token} makes one from the caller's live session (cookie or opaque bearer token, never
 * an access token: a refresh goes back to the session, so a revoked session gets no new one), and,
 * for ES256, {@code GET /jwks.json} publishes the public key. Both are public routes: the first
 * checks the session itself, the second serves nothing secret. With HS256 there is no JWKS (404):
 * its keys are secret and only this edge verifies its tokens.
 */
final class TokenApiRoutes {
    private final UserKit kit;
    private final AccessTokens tokens;

    TokenApiRoutes(UserKit kit, HttpSettings settings) {
        this.kit = kit;
        this.tokens = settings.accessTokens() == null ? null : new AccessTokens(settings.accessTokens());
    }

    void register(RouteTable table) {
        if (tokens == null) return;
        table.add("POST", "/token", this::issue);
        if (!tokens.keys().published().isEmpty()) table.add("GET", "/jwks.json", this::jwks);
    }

    /** {@code {accessToken, tokenType: "Bearer", expiresIn}} for a live user session; 401 otherwise, 806 off the session's device. */
    private void issue(ApiCall call) throws IOException {
        Validation validation = call.validation().orElseThrow(() -> refusal(call));
        if (validation.anonymous()) throw new UserKitException(ErrorCode.TOKEN_INVALID, "The session belongs to no user: log in");
        kit.devices().checkRequestDevice(validation, call.client().deviceToken());
        List<String> roles = kit.access().rolesOf(validation.user().orElseThrow().id()).stream().map(Role::name).toList();
        AccessTokens.Issued issued = tokens.issue(validation.session(), roles);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessToken", issued.token());
        body.put("tokenType", "Bearer");
        body.put("expiresIn", issued.expiresIn());
        call.ok(body);
    }

    private static UserKitException refusal(ApiCall call) {
        if (RequestAttributes.accessToken(call.request()).isPresent()) {
            return new UserKitException(ErrorCode.TOKEN_INVALID, "An access token is renewed with the session, not with an access token");
        }
        ErrorCode failure = RequestAttributes.failure(call.request());
        return new UserKitException(failure == null ? ErrorCode.TOKEN_MISSING : failure);
    }

    /** The public signing key as a JWK set; {@code toJSONObject(true)} keeps public members only. */
    private void jwks(ApiCall call) throws IOException {
        call.ok(tokens.keys().published().toJSONObject(true));
    }
}
