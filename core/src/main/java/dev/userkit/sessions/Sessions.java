package dev.userkit.sessions;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.Session;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.hooks.Instrumentation;
import dev.userkit.users.SessionBatches;
import java.util.List;
import java.util.Map;

/**
 * Login, validation, logout and session administration (S1-S8, S10). Tokens are 32 random bytes,
 * base64url; stores keep only their SHA-256 (SEC-16). Every method may also throw
 * {@link dev.userkit.StoreException} on an infrastructure fault; validation never turns one into
 * a success (REL-5).
 */
public final class Sessions {
    /**
     * The most sessions a purge ({@link #purgeExpired}, {@link #kill} of everyone) deletes in one
     * store call (S7): a store sizes the plan of {@link dev.userkit.spi.SessionStore#deleteMatching}
     * for it. Revoking one user's or device's sessions takes smaller batches.
     */
    public static final int PURGE_BATCH = SessionBatches.PURGE_BATCH;
    private final Login login;
    private final SessionChecks checks;
    private final SessionTokens tokens;
    private final SessionAdmin admin;
    private final Instrumentation instrumentation;

    /** Built by {@link SessionsFactory}, for {@link dev.userkit.UserKit} or Guice. */
    Sessions(ServiceHelpers helpers, Devices devices) {
        UserKitContext ctx = helpers.ctx();
        Credentials credentials = new Credentials(ctx, helpers.records());
        SessionIssuer issuer = new SessionIssuer(ctx);
        this.login = new Login(ctx, devices.admission(), credentials, helpers.throttle(), issuer);
        this.checks = new SessionChecks(ctx, issuer);
        this.tokens = new SessionTokens(ctx, issuer, checks, credentials, helpers.throttle());
        this.admin = new SessionAdmin(ctx, issuer, checks, helpers.revocation());
        this.instrumentation = ctx.instrumentation();
    }

    /**
     * Logs in with no session data; see {@link #loginFromAnonymous}.
     *
     * @param identifier username or email
     * @param password the password
     * @param client what is known about the caller, or null
     * @return the new session, its token and the user
     */
    public LoginResult login(String identifier, String password, ClientContext client) {
        return loginFromAnonymous(null, identifier, password, client, Map.of());
    }

    /**
     * Logs in with requested session data (S8); see {@link #loginFromAnonymous}.
     *
     * @param identifier username or email
     * @param password the password
     * @param client what is known about the caller, or null
     * @param data the session data the caller asks for
     * @return the new session, its token and the user
     */
    public LoginResult login(String identifier, String password, ClientContext client, Map<String, Object> data) {
        return loginFromAnonymous(null, identifier, password, client, data);
    }

    /**
     * Logs in by username or email (or whatever the {@link dev.userkit.hooks.UserLookup} hook knows)
     * and a password (S1), optionally binding an anonymous session (S2): that session's token stops
     * working and its data is carried into the new session, which gets a new token (SEC-17).
     *
     * <p>Every attempt is counted before the password is checked (SEC-28): a client without a
     * known-client token against the identifier and its address, a client presenting a
     * known-client token this account was given ({@link ClientContext#knownClientToken()}, S11)
     * only against its own counter, so that failures of others cannot lock it out. The result
     * carries a new known-client token for the client to keep. The session is bound to the user's
     * security stamp, so a password change that returns before this login's session is stored
     * still ends it (SEC-27).
     *
     * <p>Raises: 603 WRONG_CREDENTIALS for an unknown user, a wrong password or a disabled account
     * (indistinguishable, SEC-07, at the same cost, SEC-08); 601 USER_NOT_ACTIVATED for a PENDING
     * account, only after a correct password; 1005 THROTTLED (with a retry-after) once the
     * counters of this attempt are past their limits, even with the right password (SEC-09);
     * 805 INVALID_DEVICE_TOKEN and 806 DEVICE_DENIED under device control (D1); whatever a
     * {@link dev.userkit.hooks.LoginCheck} throws (usually 1008); 1009 INVALID_METADATA for bad session data;
     * 1010 INVALID_ARGUMENT for a null identifier or password.
     *
     * @param anonymousToken the token of an anonymous session to bind, or null; a token that is not
     *                       a live anonymous session is ignored
     * @param identifier username or email
     * @param password the password
     * @param client what is known about the caller, or null
     * @param data the session data the caller asks for; the {@link dev.userkit.hooks.SessionDataBuilder} decides
     * @return the new session, its token, the user and a known-client token
     */
    public LoginResult loginFromAnonymous(String anonymousToken, String identifier, String password, ClientContext client,
                                          Map<String, Object> data) {
        return login.run(anonymousToken, identifier, password, client, data);
    }

    /**
     * Starts an anonymous session (S2) carrying {@code data} (S8). Raises 1009 for bad data.
     *
     * @param data the session's data, or null for none
     * @return the session and its token
     */
    public AnonymousSession startAnonymous(Map<String, Object> data) {
        return tokens.startAnonymous(data);
    }

    /**
     * Refuses a login from a caller that is logged in already (jxMono's 400, W3): a token of a live
     * user session (valid as {@link #validate} reads it) raises ALREADY_LOGGED_IN (1017). No token, an
     * anonymous session's, or one that is unknown, revoked or expired passes, because logging in
     * is then exactly what the caller should do.
     *
     * @param token the session token the caller presented, or null
     * @throws UserKitException ALREADY_LOGGED_IN (1017)
     */
    public void requireNoUserSession(String token) {
        if (token == null || token.isEmpty()) return;
        boolean loggedIn;
        try {
            loggedIn = !validate(token).anonymous();
        } catch (UserKitException notLive) {
            loggedIn = false;
        }
        if (loggedIn) throw new UserKitException(ErrorCode.ALREADY_LOGGED_IN);
    }

    /**
     * Validates a token (S3) and slides its idle expiry (S4): the new idle end is now plus the idle
     * TTL, never past the absolute end (SEC-18), written at most once per
     * {@link dev.userkit.UserKitConfig#slidingWriteInterval()} so that validation is read-mostly.
     *
     * <p>Raises 606 TOKEN_MISSING for a null or empty token; 607 TOKEN_INVALID for an unknown or
     * revoked token, or one whose user is gone or no longer ACTIVE; 608 TOKEN_EXPIRED after the idle
     * or absolute end. A store fault propagates as {@link dev.userkit.StoreException} (REL-5).
     *
     * @param token the session token the caller presented
     * @return the session and, unless it is anonymous, its user
     */
    public Validation validate(String token) {
        return reportedValidation(token, false);
    }

    /**
     * Validates like {@link #validate} and always writes the sliding expiry (S4). Same error codes.
     *
     * @param token the session token the caller presented
     * @return the session and, unless it is anonymous, its user
     */
    public Validation freshen(String token) {
        return reportedValidation(token, true);
    }

    // timed and reported once per call (W6): a refusal as invalid; a store fault is no answer and reports nothing
    private Validation reportedValidation(String token, boolean forceSlide) {
        long started = System.nanoTime();
        Validation v;
        try {
            v = checks.validate(token, forceSlide);
        } catch (UserKitException refused) {
            instrumentation.validated(false, System.nanoTime() - started);
            throw refused;
        }
        instrumentation.validated(true, System.nanoTime() - started);
        return v;
    }

    /**
     * Gives a valid session a new token (SEC-17); the old token stops working. The session keeps its
     * id, user, data, device and lifetimes. Raises 606, 607, 608 as {@link #validate} does.
     *
     * @param token the session's current token
     * @return the session's new token
     */
    public String rotate(String token) {
        return tokens.rotate(token);
    }

    /**
     * Re-authentication (SEC-17): the user of a valid session confirms the password and the session
     * gets a new token and fresh lifetimes; the old token stops working. Failures count towards the
     * login throttle of the user's name (SEC-09).
     *
     * <p>Raises 606, 607, 608 as {@link #validate} does (607 for an anonymous session as well);
     * 604 WRONG_PASSWORD for a wrong password; 1005 THROTTLED when the account is locked.
     *
     * @param token the session's current token
     * @param password the user's password
     * @return the session's new token
     */
    public String reauthenticate(String token, String password) {
        return tokens.reauthenticate(token, password);
    }

    /**
     * Logs out (S5, SEC-19): the session ends on the server. Ending a token that is unknown, already
     * ended or expired is not an error (returns false), so a client may retry. Raises 606 for a
     * null or empty token.
     *
     * @param token the session token
     * @return whether a session was ended
     */
    public boolean logout(String token) {
        return tokens.logout(token);
    }

    /**
     * Logs out and returns the session to anonymous (S2): the same session id with no user, no data
     * (it was built for the user) and a new token; the old token stops working.
     * Raises 606, 607, 608 as {@link #validate} does.
     *
     * @param token the session token
     * @return the new token of the anonymous session
     */
    public String logoutToAnonymous(String token) {
        return tokens.logoutToAnonymous(token);
    }

    /**
     * Lists sessions (S6) in id order, expired ones included unless only those are asked for.
     * Raises 1010 for a limit outside 1..1000.
     *
     * @param user only this user's sessions, or null for everyone's
     * @param expiredOnly only sessions expired now
     * @param after the last id of the previous page, or null
     * @param limit page size, 1..1000
     * @return at most {@code limit} sessions, in id order
     */
    public List<Session> list(UserId user, boolean expiredOnly, SessionId after, int limit) {
        return admin.list(user, expiredOnly, after, limit);
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
        return admin.kill(user, expiredOnly);
    }

    /**
     * Ends one session of a user (S7), for a "my sessions" page or an admin: only when the session
     * belongs to that user, so a session id taken from elsewhere ends nothing. Ending an unknown or
     * ended session, or another user's, returns false. Raises 1010 for a null argument.
     *
     * @param user the session's owner
     * @param session the session to end
     * @return whether a session was ended
     */
    public boolean revoke(UserId user, SessionId session) {
        return admin.revoke(user, session);
    }

    /**
     * Deletes every expired session in bounded batches (S7); returns how many.
     *
     * @return how many sessions were deleted
     */
    public int purgeExpired() {
        return admin.kill(null, true);
    }

    /**
     * Signs the user of a valid session out everywhere else (S10): every other session of the user
     * ends; this one stays. Raises 606, 607, 608 as {@link #validate} does (607 for an anonymous session).
     *
     * @param token the token of the session to keep
     * @return how many other sessions were ended
     */
    public int signOutOthers(String token) {
        return admin.signOutOthers(token);
    }

    /** The token checks, for {@link SessionsFactory#tokenRoleReads}. */
    SessionChecks checks() {
        return checks;
    }
}
