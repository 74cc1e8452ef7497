package dev.userkit.sessions;

import dev.userkit.assembly.UserKitContext;
import dev.userkit.crypto.Secrets;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.Session;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.SessionRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Makes new sessions with fresh tokens (SEC-16) and computes their lifetimes (SEC-18). */
final class SessionIssuer {
    private final UserKitContext ctx;

    SessionIssuer(UserKitContext ctx) {
        this.ctx = ctx;
    }

    /** A new token, the session stored under its hash and the user's security stamp it carries (SEC-27). */
    record Issued(String token, Session session, long securityStamp) {}

    /** Longest token looked up; real ones have 43 characters. */
    static final int MAX_TOKEN_LENGTH = 256;

    /** Whether a token is worth a lookup: present and not longer than any real one. */
    static boolean plausibleToken(String token) {
        return token != null && !token.isEmpty() && token.length() <= MAX_TOKEN_LENGTH;
    }

    /** The hash a store keeps for a token. */
    static String hashOf(String token) {
        return Secrets.sha256(token);
    }

    /** Now, at the millisecond precision every store keeps. */
    Instant now() {
        return ctx.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** The idle end for activity at {@code now}: never past the absolute end (SEC-18). */
    Instant idleEnd(Instant now, Instant absoluteEnd) {
        Instant idle = now.plus(ctx.config().sessionIdleTtl());
        return idle.isBefore(absoluteEnd) ? idle : absoluteEnd;
    }

    /**
     * Builds the session (not stored yet) with a new token. The id may be an existing one being
     * re-keyed; {@code stamp} is the security stamp of the user record whose password was checked
     * (0 for an anonymous session).
     */
    Issued prepare(SessionId id, UserId user, long stamp, Map<String, Object> data, DeviceId device) {
        Instant now = now();
        Instant absolute = now.plus(ctx.config().sessionAbsoluteTtl());
        Session s = Session.builder().id(id).userId(user).createdAt(now).lastSeenAt(now)
                .idleExpiresAt(idleEnd(now, absolute)).absoluteExpiresAt(absolute).data(data).deviceId(device).build();
        return new Issued(newToken(), s, stamp);
    }

    /** A new session token (SEC-16). */
    String newToken() {
        return Secrets.newToken();
    }

    /** Stores a prepared session. */
    Issued store(Issued issued) {
        ctx.stores().sessions().insert(new SessionRecord(issued.session(), hashOf(issued.token()), issued.securityStamp()));
        return issued;
    }
}
