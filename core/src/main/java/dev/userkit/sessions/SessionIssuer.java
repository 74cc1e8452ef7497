package dev.userkit.sessions;

import dev.userkit.domain.DeviceId;
import dev.userkit.domain.Session;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.internal.Secrets;
import dev.userkit.internal.UserKitContext;
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

    /** A new token and the session stored under its hash. */
    record Issued(String token, Session session) {}

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

    /** Builds the session (not stored yet) with a new token. The id may be an existing one being re-keyed. */
    Issued prepare(SessionId id, UserId user, Map<String, Object> data, DeviceId device) {
        Instant now = now();
        Instant absolute = now.plus(ctx.config().sessionAbsoluteTtl());
        Session s = new Session(id, user, now, now, idleEnd(now, absolute), absolute, data, device);
        return new Issued(newToken(), s);
    }

    /** A new session token (SEC-16). */
    String newToken() {
        return Secrets.newToken();
    }

    /** Stores a prepared session. */
    Issued store(Issued issued) {
        ctx.stores().sessions().insert(new SessionRecord(issued.session(), hashOf(issued.token())));
        return issued;
    }
}
