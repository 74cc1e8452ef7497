package dev.userkit.sessions;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.Session;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.UserRecord;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads a token's session (S3) and slides its idle expiry (S4): what validation, rotation,
 * re-authentication and the session-scoped operations check first.
 */
final class SessionChecks {
    private final UserKitContext ctx;
    private final SessionIssuer issuer;

    SessionChecks(UserKitContext ctx, SessionIssuer issuer) {
        this.ctx = ctx;
        this.issuer = issuer;
    }

    /** See {@link Sessions#validate} and {@link Sessions#freshen} ({@code forceSlide}). */
    Validation validate(String token, boolean forceSlide) {
        return check(token, forceSlide).validation();
    }

    /** A valid session's record (as found) and its validation. */
    record Checked(SessionRecord record, Validation validation) {}

    /** The validation of a token with the record it was found as; see {@link Sessions#validate}. */
    Checked check(String token, boolean forceSlide) {
        SessionRecord rec = find(token);
        Session s = rec.session();
        Instant now = issuer.now();
        Optional<User> user = Optional.empty();
        if (s.userId() != null) {
            // a raised security stamp ends every session issued before it (SEC-27), in the same read
            user = ctx.stores().users().findById(s.userId())
                    .filter(r -> r.securityStamp() == rec.securityStamp())
                    .map(UserRecord::user).filter(u -> u.status() == UserStatus.ACTIVE);
            if (user.isEmpty()) throw new UserKitException(ErrorCode.TOKEN_INVALID);
        }
        boolean due = !now.isBefore(s.lastSeenAt().plus(ctx.config().slidingWriteInterval()));
        if (forceSlide || due) {
            Instant idle = issuer.idleEnd(now, s.absoluteExpiresAt());
            if (!ctx.stores().sessions().touch(s.id(), now, idle)) throw new UserKitException(ErrorCode.TOKEN_INVALID);
            s = s.withActivity(now, idle);
        }
        return new Checked(rec, new Validation(s, user));
    }

    /** The live (not expired) session of a token: 606, 607 or 608. */
    SessionRecord find(String token) {
        if (token == null || token.isEmpty()) throw new UserKitException(ErrorCode.TOKEN_MISSING);
        if (!SessionIssuer.plausibleToken(token)) throw new UserKitException(ErrorCode.TOKEN_INVALID);
        SessionRecord rec = ctx.stores().sessions().findByTokenHash(SessionIssuer.hashOf(token))
                .orElseThrow(() -> new UserKitException(ErrorCode.TOKEN_INVALID));
        if (rec.session().isExpiredAt(issuer.now())) throw new UserKitException(ErrorCode.TOKEN_EXPIRED);
        return rec;
    }
}
