package dev.userkit.sessions;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.Session;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import dev.userkit.spi.SessionAccess;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionWithUser;
import java.time.Instant;
import java.util.List;
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
        SessionWithUser read = find(token, ctx.stores().sessionReads()::findWithUser, r -> r.session().session().expiresAt());
        SessionRecord rec = read.session();
        Session s = rec.session();
        Slide slide = checkLive(SessionAccess.of(read, List.of()), forceSlide);
        if (slide != null) s = s.withActivity(slide.seenAt(), slide.idleEnd());
        // past checkLive a bound session's user is there, active and of the session's stamp
        return new Checked(rec, new Validation(s, s.userId() == null ? Optional.<User>empty() : read.user()));
    }

    /**
     * What authorisation reads of a token's valid session and the roles of its user, from one read (R4,
     * SEC-20), checked and slid as {@link #check} checks and slides a validation's read.
     */
    SessionAccess checkWithRoles(String token) {
        SessionAccess read = find(token, ctx.stores().sessionReads()::findWithRoles, SessionAccess::expiresAt);
        checkLive(read, false);
        return read;
    }

    /** A sliding write's instants: the new last-seen instant and idle end. */
    private record Slide(Instant seenAt, Instant idleEnd) {}

    /**
     * The checks of a found, unexpired session that validation and authorisation share: its user's stamp
     * and status, then the sliding write when due or forced; 606 if they fail.
     *
     * @return the sliding write made, or null when none was due
     */
    private Slide checkLive(SessionAccess read, boolean forceSlide) {
        Instant now = issuer.now();
        // a raised security stamp ends every session issued before it (SEC-27), in the same read
        if (read.userId() != null && (read.userSecurityStamp() != read.securityStamp()
                || read.userStatus().filter(status -> status == UserStatus.ACTIVE).isEmpty())) {
            throw new UserKitException(ErrorCode.TOKEN_INVALID);
        }
        Instant dueAt = read.lastSeenAt().plus(ctx.config().slidingWriteInterval());
        if (!forceSlide && now.isBefore(dueAt)) return null;
        Instant idle = issuer.idleEnd(now, read.absoluteExpiresAt());
        if (forceSlide) {
            if (!ctx.stores().sessions().touch(read.sessionId(), now, idle)) throw new UserKitException(ErrorCode.TOKEN_INVALID);
        } else {
            // guarded: of concurrent validations of one due session only the first writes (SEC-18); the
            // others, and one racing a revocation, read a session that was valid when they read it
            ctx.stores().sessions().touchIfLastSeen(read.sessionId(), read.lastSeenAt(), now, idle);
        }
        return new Slide(now, idle);
    }

    /** The live (not expired) session of a token: 606, 607 or 608. */
    SessionRecord find(String token) {
        return find(token, hash -> ctx.stores().sessions().findByTokenHash(hash), rec -> rec.session().expiresAt());
    }

    /** A read by the token's hash of its live session, whose expiry instant {@code expiresAt} takes out of it: 606, 607 or 608. */
    private <R> R find(String token, Function<String, Optional<R>> read, Function<R, Instant> expiresAt) {
        if (token == null || token.isEmpty()) throw new UserKitException(ErrorCode.TOKEN_MISSING);
        if (!SessionIssuer.plausibleToken(token)) throw new UserKitException(ErrorCode.TOKEN_INVALID);
        R found = read.apply(SessionIssuer.hashOf(token)).orElseThrow(() -> new UserKitException(ErrorCode.TOKEN_INVALID));
        if (!issuer.now().isBefore(expiresAt.apply(found))) throw new UserKitException(ErrorCode.TOKEN_EXPIRED);
        return found;
    }
}
