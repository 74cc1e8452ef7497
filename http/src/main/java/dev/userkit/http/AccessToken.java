package dev.userkit.http;

import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The verified claims of a signed access token (S9) a request presented, as the
 * {@link AuthenticationFilter} leaves them ({@link RequestAttributes#accessToken}). They were true
 * when the token was made: the session may have been revoked and the roles changed since, within
 * one token lifetime.
 *
 * @param userId the user ({@code sub})
 * @param sessionId the session the token was made from ({@code sid})
 * @param roles the names of the user's roles when the token was made ({@code roles})
 * @param issuedAt when it was made ({@code iat})
 * @param expiresAt when it stops being accepted, give or take the clock skew ({@code exp})
 * @param tokenId the token's unique id ({@code jti})
 */
public record AccessToken(UserId userId, SessionId sessionId, Set<String> roles, Instant issuedAt, Instant expiresAt, String tokenId) {
    /**
     * Checks required fields.
     *
     * @param userId see {@link #userId()}
     * @param sessionId see {@link #sessionId()}
     * @param roles see {@link #roles()}
     * @param issuedAt see {@link #issuedAt()}
     * @param expiresAt see {@link #expiresAt()}
     * @param tokenId see {@link #tokenId()}
     */
    public AccessToken {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sessionId, "sessionId");
        roles = Set.copyOf(roles);
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(tokenId, "tokenId");
    }
}
