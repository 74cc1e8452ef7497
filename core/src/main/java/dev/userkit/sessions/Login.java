package dev.userkit.sessions;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.JsonValues;
import dev.userkit.domain.Role;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.hooks.LoginCheck;
import dev.userkit.hooks.LoginOutcome;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.UserRecord;
import dev.userkit.throttling.LoginThrottle;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One login, step by step (S1, S2, S11): look the account up, reserve the attempt (SEC-28), check
 * the password (or a dummy, SEC-08), run the login checks and device control, then issue the
 * session with the security stamp of the record whose password matched (SEC-27) and a new
 * known-client token. See {@link Sessions#loginFromAnonymous} for the contract.
 */
final class Login {
    private final UserKitContext ctx;
    private final DeviceAdmission devices;
    private final Credentials credentials;
    private final LoginThrottle throttle;
    private final KnownClients knownClients;
    private final SessionIssuer issuer;

    Login(UserKitContext ctx, DeviceAdmission devices, Credentials credentials, LoginThrottle throttle, SessionIssuer issuer) {
        this.ctx = ctx;
        this.devices = devices;
        this.credentials = credentials;
        this.throttle = throttle;
        this.knownClients = new KnownClients(ctx.limiter(), ctx.config());
        this.issuer = issuer;
    }

    /** One login, timed and reported with its outcome (W6) whichever way it ends. */
    LoginResult run(String anonymousToken, String identifier, String password, ClientContext client, Map<String, Object> data) {
        long started = System.nanoTime();
        LoginOutcome outcome = LoginOutcome.OTHER;
        try {
            LoginResult result = attempt(anonymousToken, identifier, password, client, data);
            outcome = LoginOutcome.SUCCESS;
            return result;
        } catch (UserKitException e) {
            outcome = outcomeOf(e.code());
            throw e;
        } finally {
            ctx.instrumentation().loginFinished(outcome, System.nanoTime() - started);
        }
    }

    // the refusals the login contract names, each its own outcome; a login check's or bad input is OTHER
    private static LoginOutcome outcomeOf(ErrorCode code) {
        return switch (code) {
            case WRONG_CREDENTIALS -> LoginOutcome.WRONG_CREDENTIALS;
            case THROTTLED -> LoginOutcome.THROTTLED;
            case USER_NOT_ACTIVATED -> LoginOutcome.PENDING;
            case DEVICE_DENIED, INVALID_DEVICE_TOKEN -> LoginOutcome.DEVICE_REFUSED;
            default -> LoginOutcome.OTHER;
        };
    }

    private LoginResult attempt(String anonymousToken, String identifier, String password, ClientContext client,
                                Map<String, Object> data) {
        if (identifier == null || password == null) {
            throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Identifier and password are required");
        }
        ClientContext caller = client == null ? ClientContext.NONE : client;
        Map<String, Object> requested = JsonValues.object(data);
        Optional<UserRecord> found;
        LoginThrottle.Attempt attempt;
        try {
            if (devices.enabled()) devices.checkToken(caller);
            found = credentials.find(identifier);
            attempt = reserve(identifier, found, caller);
        } catch (UserKitException e) {
            // Audited without a user: naming the account here would tell a locked account from an unknown one.
            ctx.events().emit(UserKitEvent.Type.LOGIN_FAILED, null, caller, Map.of("code", code(e.code())));
            throw e;
        }

        UserRecord account = verifiedAccount(found, password, caller, attempt);
        User user = account.user();
        if (user.status() == UserStatus.PENDING) throw refused(user, caller, new UserKitException(ErrorCode.USER_NOT_ACTIVATED));
        DeviceId device = admitted(user, caller);

        Optional<SessionRecord> anonymous = liveAnonymous(anonymousToken);
        Map<String, Object> carried = new LinkedHashMap<>(anonymous.map(r -> r.session().data()).orElse(Map.of()));
        carried.putAll(requested);
        Map<String, Object> sessionData = ctx.sessionData().build(user, JsonValues.object(carried));
        SessionIssuer.Issued issued = issue(anonymous,
                id -> issuer.store(issuer.prepare(id, user.id(), account.securityStamp(), sessionData, device)));
        // reset only once the session is stored: a login whose session could not be stored stays a counted attempt
        throttle.succeeded(attempt);
        if (device != null && !devices.stillPermitted(device)) {
            ctx.stores().sessions().delete(issued.session().id());
            throw refused(user, caller, new UserKitException(ErrorCode.DEVICE_DENIED));
        }
        String knownClient = knownClients.issue(account);
        ctx.events().emit(UserKitEvent.Type.LOGIN_SUCCEEDED, user.id(), caller, Map.of("session", issued.session().id().toString()));
        return new LoginResult(issued.token(), issued.session(), user, roleNames(user.id()), knownClient);
    }

    /**
     * Reserves the attempt: against the client's own counter when it presents a known-client token
     * of this account (S11), otherwise against the identifier and the address. A token is looked up
     * for an unknown identifier too, so that presenting one costs the same either way (SEC-08).
     */
    private LoginThrottle.Attempt reserve(String identifier, Optional<UserRecord> found, ClientContext caller) {
        UserId who = found.map(a -> a.user().id()).orElse(null);
        String token = caller.knownClientToken();
        if (token != null && knownClients.recognises(found, token)) {
            return throttle.reserveKnownClient(KnownClients.failureSubject(found.get(), token), who);
        }
        return throttle.reserve(credentials.key(identifier), caller.address(), who);
    }

    /** The account whose password matched, re-hashed if due (SEC-05); otherwise throws 603 (the attempt is counted already). */
    private UserRecord verifiedAccount(Optional<UserRecord> found, String password, ClientContext caller, LoginThrottle.Attempt attempt) {
        Credentials.Check check = credentials.verify(found, password);
        Optional<UserRecord> account = check.verified().filter(a -> a.user().status() != UserStatus.DISABLED);
        if (account.isEmpty()) {
            UserId who = found.map(a -> a.user().id()).orElse(null);
            ctx.events().emit(UserKitEvent.Type.LOGIN_FAILED, who, caller, Map.of("code", code(ErrorCode.WRONG_CREDENTIALS)));
            throttle.failed(attempt, found.map(UserRecord::user).orElse(null));
            throw new UserKitException(ErrorCode.WRONG_CREDENTIALS);
        }
        if (check.needsRehash() && account.get().user().status() == UserStatus.ACTIVE) {
            credentials.rehash(account.get(), password);
        }
        return account.get();
    }

    /**
     * Stores the new session: alone when there is no anonymous session to take over (one write
     * needs no transaction), else in a unit of work that deletes the anonymous one first, so that a
     * fault in between leaves the caller logged out, never fixed (S2). Only the login that actually
     * deleted it takes over its id; a concurrent one gets a new id.
     */
    private SessionIssuer.Issued issue(Optional<SessionRecord> anonymous, Function<SessionId, SessionIssuer.Issued> store) {
        if (anonymous.isEmpty()) return store.apply(IdGenerator.sessionId());
        return ctx.stores().unitOfWork().run(() -> store.apply(anonymous.map(r -> r.session().id())
                .filter(ctx.stores().sessions()::delete).orElseGet(IdGenerator::sessionId)));
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

    static String code(ErrorCode c) {
        return Integer.toString(c.number());
    }

    private Optional<SessionRecord> liveAnonymous(String token) {
        if (!SessionIssuer.plausibleToken(token)) return Optional.empty();
        Instant now = issuer.now();
        return ctx.stores().sessions().findByTokenHash(SessionIssuer.hashOf(token))
                .filter(r -> r.session().userId() == null && !r.session().isExpiredAt(now));
    }

    private List<String> roleNames(UserId user) {
        return ctx.stores().roles().rolesOf(user).stream().map(Role::name).toList();
    }
}
