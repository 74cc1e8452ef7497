package dev.userkit.sessions;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.JsonValues;
import dev.userkit.domain.Session;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.User;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.UserRecord;
import dev.userkit.throttling.LoginThrottle;
import java.util.Map;
import java.util.Optional;

/**
 * What happens to one session's token after login: anonymous sessions, rotation (SEC-17),
 * re-authentication (S10) and logout (S5), each replacing or deleting the session in one unit of work.
 */
final class SessionTokens {
    private final UserKitContext ctx;
    private final SessionIssuer issuer;
    private final SessionChecks checks;
    private final Credentials credentials;
    private final LoginThrottle throttle;

    SessionTokens(UserKitContext ctx, SessionIssuer issuer, SessionChecks checks, Credentials credentials, LoginThrottle throttle) {
        this.ctx = ctx;
        this.issuer = issuer;
        this.checks = checks;
        this.credentials = credentials;
        this.throttle = throttle;
    }

    /** See {@link Sessions#startAnonymous}. */
    AnonymousSession startAnonymous(Map<String, Object> data) {
        SessionIssuer.Issued issued = issuer.store(issuer.prepare(IdGenerator.sessionId(), null, 0, JsonValues.object(data), null));
        return new AnonymousSession(issued.token(), issued.session());
    }

    /** See {@link Sessions#rotate}. */
    String rotate(String token) {
        SessionChecks.Checked c = checks.check(token, false);
        Session s = c.validation().session();
        return replace(s.id(), new SessionIssuer.Issued(issuer.newToken(), s, c.record().securityStamp())).token();
    }

    /** See {@link Sessions#reauthenticate}. */
    String reauthenticate(String token, String password) {
        Validation v = checks.validate(token, false);
        User user = v.user().orElseThrow(() -> new UserKitException(ErrorCode.TOKEN_INVALID));
        if (password == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Password is required");
        LoginThrottle.Attempt attempt = throttle.reserve(user.username().key(), null, user.id());
        Optional<UserRecord> account = ctx.stores().users().findById(user.id());
        if (credentials.verify(account, password).verified().isEmpty()) {
            ctx.events().emit(UserKitEvent.Type.LOGIN_FAILED, user.id(), null, Map.of("code", Login.code(ErrorCode.WRONG_PASSWORD)));
            throttle.failed(attempt, user);
            throw new UserKitException(ErrorCode.WRONG_PASSWORD);
        }
        throttle.succeeded(attempt);
        Session s = v.session();
        long stamp = account.get().securityStamp();
        return replace(s.id(), issuer.prepare(s.id(), user.id(), stamp, s.data(), s.deviceId())).token();
    }

    /** Swaps the session stored under {@code oldId} for {@code next}: the old one first, so a fault logs out, never fixes. */
    private SessionIssuer.Issued replace(SessionId oldId, SessionIssuer.Issued next) {
        return ctx.stores().unitOfWork().run(() -> {
            if (!ctx.stores().sessions().delete(oldId)) throw new UserKitException(ErrorCode.TOKEN_INVALID);
            return issuer.store(next);
        });
    }

    /** See {@link Sessions#logout}. */
    boolean logout(String token) {
        if (token == null || token.isEmpty()) throw new UserKitException(ErrorCode.TOKEN_MISSING);
        if (!SessionIssuer.plausibleToken(token)) return false;
        Optional<SessionRecord> rec = ctx.stores().sessions().findByTokenHash(SessionIssuer.hashOf(token));
        if (rec.isEmpty() || !ctx.stores().sessions().delete(rec.get().session().id())) return false;
        ctx.events().emit(UserKitEvent.Type.LOGOUT, rec.get().session().userId(), null,
                Map.of("session", rec.get().session().id().toString()));
        return true;
    }

    /** See {@link Sessions#logoutToAnonymous}. */
    String logoutToAnonymous(String token) {
        Session s = checks.find(token).session();
        String next = replace(s.id(), issuer.prepare(s.id(), null, 0, Map.of(), null)).token();
        ctx.events().emit(UserKitEvent.Type.LOGOUT, s.userId(), null, Map.of("session", s.id().toString()));
        return next;
    }
}
