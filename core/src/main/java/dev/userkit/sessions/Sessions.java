package dev.userkit.sessions;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.JsonValues;
import dev.userkit.domain.Role;
import dev.userkit.domain.Session;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.hooks.LoginCheck;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.internal.IdGenerator;
import dev.userkit.internal.LoginThrottle;
import dev.userkit.internal.SessionBatches;
import dev.userkit.internal.UserKitContext;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.UserRecord;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Login, validation, logout and session administration (S1-S8, S10). Tokens are 32 random bytes,
 * base64url; stores keep only their SHA-256 (SEC-16). Every method may also throw
 * {@link dev.userkit.StoreException} on an infrastructure fault; validation never turns one into
 * a success (REL-5).
 */
public final class Sessions {
    /** Longest token accepted for a lookup; real ones have 43 characters. */
    private static final int MAX_TOKEN_LENGTH = 256;
    private final UserKitContext ctx;
    private final Devices devices;
    private final Credentials credentials;
    private final LoginThrottle throttle;
    private final SessionIssuer issuer;

    /** Built by {@link dev.userkit.UserKit} or Guice. */
    @Inject
    public Sessions(UserKitContext ctx, Devices devices) {
        this.ctx = ctx;
        this.devices = devices;
        this.credentials = new Credentials(ctx);
        this.throttle = new LoginThrottle(ctx.limiter(), ctx.config());
        this.issuer = new SessionIssuer(ctx);
    }

    /** Logs in with no session data; see {@link #loginFromAnonymous}. */
    public LoginResult login(String identifier, String password, ClientContext client) {
        return loginFromAnonymous(null, identifier, password, client, Map.of());
    }

    /** Logs in with requested session data (S8); see {@link #loginFromAnonymous}. */
    public LoginResult login(String identifier, String password, ClientContext client, Map<String, Object> data) {
        return loginFromAnonymous(null, identifier, password, client, data);
    }

    /**
     * Logs in by username or email (or whatever the {@link dev.userkit.hooks.UserLookup} hook knows)
     * and a password (S1), optionally binding an anonymous session (S2): that session's token stops
     * working and its data is carried into the new session, which gets a new token (SEC-17).
     *
     * <p>Raises: 603 WRONG_CREDENTIALS for an unknown user, a wrong password or a disabled account
     * (indistinguishable, SEC-07, at the same cost, SEC-08); 601 USER_NOT_ACTIVATED for a PENDING
     * account, only after a correct password; 1005 THROTTLED (with a retry-after) once the
     * identifier or the client address has failed too often, even with the right password
     * (SEC-09); 805 INVALID_DEVICE_TOKEN and 806 DEVICE_DENIED under device control (D1); whatever a
     * {@link LoginCheck} throws (usually 1008); 1009 INVALID_METADATA for bad session data;
     * 1010 INVALID_ARGUMENT for a null identifier or password.
     *
     * @param anonymousToken the token of an anonymous session to bind, or null; a token that is not
     *                       a live anonymous session is ignored
     * @param identifier username or email
     * @param password the password
     * @param client what is known about the caller, or null
     * @param data the session data the caller asks for; the {@link dev.userkit.hooks.SessionDataBuilder} decides
     */
    public LoginResult loginFromAnonymous(String anonymousToken, String identifier, String password, ClientContext client,
                                          Map<String, Object> data) {
        if (identifier == null || password == null) {
            throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Identifier and password are required");
        }
        ClientContext caller = client == null ? ClientContext.NONE : client;
        Map<String, Object> requested = JsonValues.object(data);
        String key = credentials.key(identifier);
        try {
            if (devices.enabled()) devices.checkToken(caller);
            throttle.checkNotLocked(key, caller.address());
        } catch (UserKitException e) {
            // Audited without a user: looking the account up here would tell a locked account from an unknown one.
            ctx.events().emit(UserKitEvent.Type.LOGIN_FAILED, null, caller, Map.of("code", code(e.code())));
            throw e;
        }

        UserRecord account = verifiedAccount(identifier, password, key, caller);
        User user = account.user();
        if (user.status() == UserStatus.PENDING) throw refused(user, caller, new UserKitException(ErrorCode.USER_NOT_ACTIVATED));
        DeviceId device = admitted(user, caller);
        throttle.succeeded(key);

        Optional<SessionRecord> anonymous = liveAnonymous(anonymousToken);
        Map<String, Object> carried = new LinkedHashMap<>(anonymous.map(r -> r.session().data()).orElse(Map.of()));
        carried.putAll(requested);
        // JsonValues, not Map.copyOf: JSON null is a valid value, and the merged object must stay within the caps
        Map<String, Object> sessionData = ctx.sessionData().build(user, JsonValues.object(carried));
        SessionIssuer.Issued issued = ctx.stores().unitOfWork().run(() -> {
            // The anonymous session goes first: a fault in between leaves the caller logged out, never fixed.
            // Only the login that actually deleted it takes over its id; a concurrent one gets a new id.
            SessionId id = anonymous.map(r -> r.session().id()).filter(ctx.stores().sessions()::delete)
                    .orElseGet(IdGenerator::sessionId);
            return issuer.store(issuer.prepare(id, user.id(), sessionData, device));
        });
        SessionId id = issued.session().id();
        ctx.events().emit(UserKitEvent.Type.LOGIN_SUCCEEDED, user.id(), caller, Map.of("session", id.toString()));
        return new LoginResult(issued.token(), issued.session(), user, roleNames(user.id()));
    }

    /** The account whose password matched, re-hashed if due (SEC-05); otherwise counts a failure and throws 603. */
    private UserRecord verifiedAccount(String identifier, String password, String key, ClientContext caller) {
        Credentials.Check check = password.codePointCount(0, password.length()) > ctx.config().passwordMaxLength()
                // Longer than any password we accept: refused before hashing (SEC-01), still counted.
                ? new Credentials.Check(Optional.empty(), false, false)
                : credentials.check(identifier, password);
        Optional<UserRecord> account = check.verified().filter(a -> a.user().status() != UserStatus.DISABLED);
        if (account.isEmpty()) {
            throttle.failed(key, caller.address());
            UserId who = check.account().map(a -> a.user().id()).orElse(null);
            ctx.events().emit(UserKitEvent.Type.LOGIN_FAILED, who, caller, Map.of("code", code(ErrorCode.WRONG_CREDENTIALS)));
            throw new UserKitException(ErrorCode.WRONG_CREDENTIALS);
        }
        if (check.needsRehash() && account.get().user().status() == UserStatus.ACTIVE) {
            credentials.rehash(account.get(), password);
        }
        return account.get();
    }

    /** Runs the login checks and device control after a correct password; a refusal is audited and rethrown. */
    private DeviceId admitted(User user, ClientContext caller) {
        try {
            for (LoginCheck check : ctx.loginChecks()) check.check(user, caller);
            return devices.enabled() ? devices.admit(user, caller) : null;
        } catch (UserKitException e) {
            throw refused(user, caller, e);
        }
    }

    /** Audits a refusal after a correct password and returns the exception to throw. */
    private UserKitException refused(User user, ClientContext caller, UserKitException e) {
        ctx.events().emit(UserKitEvent.Type.LOGIN_FAILED, user.id(), caller, Map.of("code", code(e.code())));
        return e;
    }

    private static String code(ErrorCode c) {
        return Integer.toString(c.number());
    }

    private Optional<SessionRecord> liveAnonymous(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) return Optional.empty();
        Instant now = issuer.now();
        return ctx.stores().sessions().findByTokenHash(SessionIssuer.hashOf(token))
                .filter(r -> r.session().userId() == null && !r.session().isExpiredAt(now));
    }

    private List<String> roleNames(UserId user) {
        return ctx.stores().roles().rolesOf(user).stream().map(Role::name).toList();
    }

    /** Starts an anonymous session (S2) carrying {@code data} (S8). Raises 1009 for bad data. */
    public AnonymousSession startAnonymous(Map<String, Object> data) {
        SessionIssuer.Issued issued = issuer.store(issuer.prepare(IdGenerator.sessionId(), null, JsonValues.object(data), null));
        return new AnonymousSession(issued.token(), issued.session());
    }

    /**
     * Validates a token (S3) and slides its idle expiry (S4): the new idle end is now plus the idle
     * TTL, never past the absolute end (SEC-18), written at most once per
     * {@link dev.userkit.UserKitConfig#slidingWriteInterval()} so that validation is read-mostly.
     *
     * <p>Raises 606 TOKEN_MISSING for a null or empty token; 607 TOKEN_INVALID for an unknown or
     * revoked token, or one whose user is gone or no longer ACTIVE; 608 TOKEN_EXPIRED after the idle
     * or absolute end. A store fault propagates as {@link dev.userkit.StoreException} (REL-5).
     */
    public Validation validate(String token) {
        return validate(token, false);
    }

    /** Validates like {@link #validate} and always writes the sliding expiry (S4). Same error codes. */
    public Validation freshen(String token) {
        return validate(token, true);
    }

    private Validation validate(String token, boolean forceSlide) {
        SessionRecord rec = find(token);
        Session s = rec.session();
        Instant now = issuer.now();
        Optional<User> user = Optional.empty();
        if (s.userId() != null) {
            user = ctx.stores().users().findById(s.userId()).map(UserRecord::user).filter(u -> u.status() == UserStatus.ACTIVE);
            if (user.isEmpty()) throw new UserKitException(ErrorCode.TOKEN_INVALID);
        }
        boolean due = !now.isBefore(s.lastSeenAt().plus(ctx.config().slidingWriteInterval()));
        if (forceSlide || due) {
            Instant idle = issuer.idleEnd(now, s.absoluteExpiresAt());
            if (!ctx.stores().sessions().touch(s.id(), now, idle)) throw new UserKitException(ErrorCode.TOKEN_INVALID);
            s = new Session(s.id(), s.userId(), s.createdAt(), now, idle, s.absoluteExpiresAt(), s.data(), s.deviceId());
        }
        return new Validation(s, user);
    }

    /** The live (not expired) session of a token: 606, 607 or 608. */
    private SessionRecord find(String token) {
        if (token == null || token.isEmpty()) throw new UserKitException(ErrorCode.TOKEN_MISSING);
        if (token.length() > MAX_TOKEN_LENGTH) throw new UserKitException(ErrorCode.TOKEN_INVALID);
        SessionRecord rec = ctx.stores().sessions().findByTokenHash(SessionIssuer.hashOf(token))
                .orElseThrow(() -> new UserKitException(ErrorCode.TOKEN_INVALID));
        if (rec.session().isExpiredAt(issuer.now())) throw new UserKitException(ErrorCode.TOKEN_EXPIRED);
        return rec;
    }

    /**
     * Gives a valid session a new token (SEC-17); the old token stops working. The session keeps its
     * id, user, data, device and lifetimes. Raises 606, 607, 608 as {@link #validate} does.
     */
    public String rotate(String token) {
        Session s = validate(token, false).session();
        return replace(s.id(), new SessionIssuer.Issued(issuer.newToken(), s)).token();
    }

    /**
     * Re-authentication (SEC-17): the user of a valid session confirms the password and the session
     * gets a new token and fresh lifetimes; the old token stops working. Failures count towards the
     * login throttle of the user's name (SEC-09).
     *
     * <p>Raises 606, 607, 608 as {@link #validate} does (607 for an anonymous session as well);
     * 604 WRONG_PASSWORD for a wrong password; 1005 THROTTLED when the account is locked.
     */
    public String reauthenticate(String token, String password) {
        Validation v = validate(token, false);
        User user = v.user().orElseThrow(() -> new UserKitException(ErrorCode.TOKEN_INVALID));
        if (password == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Password is required");
        String key = user.username().key();
        throttle.checkNotLocked(key, null);
        Optional<UserRecord> account = ctx.stores().users().findById(user.id());
        if (credentials.verify(account, password).verified().isEmpty()) {
            throttle.failed(key, null);
            ctx.events().emit(UserKitEvent.Type.LOGIN_FAILED, user.id(), null, Map.of("code", code(ErrorCode.WRONG_PASSWORD)));
            throw new UserKitException(ErrorCode.WRONG_PASSWORD);
        }
        throttle.succeeded(key);
        Session s = v.session();
        return replace(s.id(), issuer.prepare(s.id(), user.id(), s.data(), s.deviceId())).token();
    }

    /** Swaps the session stored under {@code oldId} for {@code next}: the old one first, so a fault logs out, never fixes. */
    private SessionIssuer.Issued replace(SessionId oldId, SessionIssuer.Issued next) {
        return ctx.stores().unitOfWork().run(() -> {
            if (!ctx.stores().sessions().delete(oldId)) throw new UserKitException(ErrorCode.TOKEN_INVALID);
            return issuer.store(next);
        });
    }

    /**
     * Logs out (S5, SEC-19): the session ends on the server. Ending a token that is unknown, already
     * ended or expired is not an error (returns false), so a client may retry. Raises 606 for a
     * null or empty token.
     *
     * @return whether a session was ended
     */
    public boolean logout(String token) {
        if (token == null || token.isEmpty()) throw new UserKitException(ErrorCode.TOKEN_MISSING);
        if (token.length() > MAX_TOKEN_LENGTH) return false;
        Optional<SessionRecord> rec = ctx.stores().sessions().findByTokenHash(SessionIssuer.hashOf(token));
        if (rec.isEmpty() || !ctx.stores().sessions().delete(rec.get().session().id())) return false;
        ctx.events().emit(UserKitEvent.Type.LOGOUT, rec.get().session().userId(), null,
                Map.of("session", rec.get().session().id().toString()));
        return true;
    }

    /**
     * Logs out and returns the session to anonymous (S2): the same session id with no user, no data
     * (it was built for the user) and a new token; the old token stops working.
     * Raises 606, 607, 608 as {@link #validate} does.
     *
     * @return the new token of the anonymous session
     */
    public String logoutToAnonymous(String token) {
        Session s = find(token).session();
        String next = replace(s.id(), issuer.prepare(s.id(), null, Map.of(), null)).token();
        ctx.events().emit(UserKitEvent.Type.LOGOUT, s.userId(), null, Map.of("session", s.id().toString()));
        return next;
    }

    /**
     * Lists sessions (S6) in id order, expired ones included unless only those are asked for.
     * Raises 1010 for a limit outside 1..1000.
     *
     * @param user only this user's sessions, or null for everyone's
     * @param expiredOnly only sessions expired now
     * @param after the last id of the previous page, or null
     * @param limit page size, 1..1000
     */
    public List<Session> list(UserId user, boolean expiredOnly, SessionId after, int limit) {
        if (limit < 1 || limit > 1000) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "limit must be 1..1000");
        return ctx.stores().sessions().list(filter(user, expiredOnly), after, limit).stream()
                .map(SessionRecord::session).toList();
    }

    /**
     * Ends sessions (S7, SEC-19) in bounded batches: of one user or of everyone, optionally only the
     * expired ones (the purge job). Raises nothing but {@link dev.userkit.StoreException}.
     *
     * @param user only this user's sessions, or null for everyone's
     * @param expiredOnly only sessions expired now
     * @return how many sessions were ended
     */
    public int kill(UserId user, boolean expiredOnly) {
        int n = SessionBatches.deleteAll(ctx, filter(user, expiredOnly));
        if (n > 0 && user != null) {
            ctx.events().emit(UserKitEvent.Type.SESSIONS_REVOKED, user, null, Map.of("count", Integer.toString(n)));
        }
        return n;
    }

    /** Deletes every expired session in bounded batches (S7); returns how many. */
    public int purgeExpired() {
        return kill(null, true);
    }

    /**
     * Signs the user of a valid session out everywhere else (S10): every other session of the user
     * ends; this one stays. Raises 606, 607, 608 as {@link #validate} does (607 for an anonymous session).
     *
     * @return how many other sessions were ended
     */
    public int signOutOthers(String token) {
        Session s = validate(token, false).session();
        if (s.userId() == null) throw new UserKitException(ErrorCode.TOKEN_INVALID);
        int n = SessionBatches.deleteAll(ctx, new SessionFilter(s.userId(), null, s.id(), null));
        ctx.events().emit(UserKitEvent.Type.SESSIONS_REVOKED, s.userId(), null, Map.of("count", Integer.toString(n)));
        return n;
    }

    private SessionFilter filter(UserId user, boolean expiredOnly) {
        return new SessionFilter(user, expiredOnly ? issuer.now() : null, null, null);
    }
}
