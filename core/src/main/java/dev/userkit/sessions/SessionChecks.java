package dev.userkit.sessions;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.Session;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionWithRoles;
import dev.userkit.spi.SessionWithUser;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

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
        return checkRead(find(token, ctx.stores().sessionReads()::findWithUser, SessionWithUser::session), forceSlide);
    }

    /** A valid session's record, validation and the roles of its user, from one read (R4, SEC-20). */
    SessionWithRoles checkWithRoles(String token) {
        SessionWithRoles read = find(token, ctx.stores().sessionReads()::findWithRoles, r -> r.read().session());
        checkRead(read.read(), false);
        return read;
    }

    private Checked checkRead(SessionWithUser read, boolean forceSlide) {
        SessionRecord rec = read.session();
        Session s = rec.session();
        Instant now = issuer.now();
        Optional<User> user = Optional.empty();
        if (s.userId() != null) {
            // a raised security stamp ends every session issued before it (SEC-27), in the same read
            user = read.user().filter(u -> read.userSecurityStamp() == rec.securityStamp())
                    .filter(u -> u.status() == UserStatus.ACTIVE);
            if (user.isEmpty()) throw new UserKitException(ErrorCode.TOKEN_INVALID);
        }
        Instant dueAt = s.lastSeenAt().plus(ctx.config().slidingWriteInterval());
        if (forceSlide || !now.isBefore(dueAt)) {
            Instant idle = issuer.idleEnd(now, s.absoluteExpiresAt());
            if (forceSlide) {
                if (!ctx.stores().sessions().touch(s.id(), now, idle)) throw new UserKitException(ErrorCode.TOKEN_INVALID);
            } else {
                // guarded: of concurrent validations of one due session only the first writes (SEC-18); the
                // others, and one racing a revocation, read a session that was valid when they read it
                ctx.stores().sessions().touchIfLastSeen(s.id(), s.lastSeenAt(), now, idle);
            }
            s = s.withActivity(now, idle);
        }
        return new Checked(rec, new Validation(s, user));
    }

    /** The live (not expired) session of a token: 606, 607 or 608. */
    SessionRecord find(String token) {
        return find(token, hash -> ctx.stores().sessions().findByTokenHash(hash), rec -> rec);
    }

    /** A read by the token's hash of its live session, which {@code session} takes out of it: 606, 607 or 608. */
    private <R> R find(String token, Function<String, Optional<R>> read, Function<R, SessionRecord> session) {
        if (token == null || token.isEmpty()) throw new UserKitException(ErrorCode.TOKEN_MISSING);
        if (!SessionIssuer.plausibleToken(token)) throw new UserKitException(ErrorCode.TOKEN_INVALID);
        R found = read.apply(SessionIssuer.hashOf(token)).orElseThrow(() -> new UserKitException(ErrorCode.TOKEN_INVALID));
        if (session.apply(found).session().isExpiredAt(issuer.now())) throw new UserKitException(ErrorCode.TOKEN_EXPIRED);
        return found;
    }
}
