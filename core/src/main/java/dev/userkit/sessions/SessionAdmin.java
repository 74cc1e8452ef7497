package dev.userkit.sessions;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.Session;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionRecord;
import dev.userkit.users.SessionBatches;
import dev.userkit.users.SessionRevocation;
import java.util.List;
import java.util.Map;

/** Session administration (S6, S7): listing, killing and purging sessions, and signing out a user's other sessions. */
final class SessionAdmin {
    private final UserKitContext ctx;
    private final SessionIssuer issuer;
    private final SessionChecks checks;
    private final SessionRevocation revocation;

    SessionAdmin(UserKitContext ctx, SessionIssuer issuer, SessionChecks checks, SessionRevocation revocation) {
        this.ctx = ctx;
        this.issuer = issuer;
        this.checks = checks;
        this.revocation = revocation;
    }

    /** See {@link Sessions#list}. */
    List<Session> list(UserId user, boolean expiredOnly, SessionId after, int limit) {
        if (limit < 1 || limit > 1000) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "limit must be 1..1000");
        return ctx.stores().sessions().list(filter(user, expiredOnly), after, limit).stream()
                .map(SessionRecord::session).toList();
    }

    /** See {@link Sessions#kill}. */
    int kill(UserId user, boolean expiredOnly) {
        // all of one user's: one atomic stamp raise ends them, including any a racing login inserts (SEC-27)
        int n;
        if (user != null && !expiredOnly) n = revocation.allBut(user, null);
        // everyone's expired sessions: the store's walk in its physical order, as maintenance purges them
        else if (user == null && expiredOnly) n = SessionBatches.purgeExpired(ctx.stores().sessions(), issuer.now());
        else n = SessionBatches.deleteAll(ctx.stores().sessions(), filter(user, expiredOnly),
                user == null ? SessionBatches.PURGE_BATCH : SessionBatches.BATCH);
        if (n > 0 && user != null) {
            ctx.events().emit(UserKitEvent.Type.SESSIONS_REVOKED, user, null, Map.of("count", Integer.toString(n)));
        }
        return n;
    }

    /** See {@link Sessions#revoke}. */
    boolean revoke(UserId user, SessionId session) {
        if (user == null || session == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "user and session are required");
        // a session's owner never changes once it has one, so the check and the delete cannot be split by a race
        boolean owned = ctx.stores().sessions().findById(session).map(r -> user.equals(r.session().userId())).orElse(false);
        if (!owned || !ctx.stores().sessions().delete(session)) return false;
        ctx.events().emit(UserKitEvent.Type.SESSIONS_REVOKED, user, null, Map.of("count", "1"));
        return true;
    }

    /** See {@link Sessions#signOutOthers}. */
    int signOutOthers(String token) {
        Session s = checks.validate(token, false).session();
        if (s.userId() == null) throw new UserKitException(ErrorCode.TOKEN_INVALID);
        int n = revocation.allBut(s.userId(), s.id());
        ctx.events().emit(UserKitEvent.Type.SESSIONS_REVOKED, s.userId(), null, Map.of("count", Integer.toString(n)));
        return n;
    }

    private SessionFilter filter(UserId user, boolean expiredOnly) {
        return new SessionFilter(user, expiredOnly ? issuer.now() : null, null, null);
    }
}
