package dev.userkit.accounts;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.Email;
import dev.userkit.domain.JsonValues;
import dev.userkit.domain.Phone;
import dev.userkit.domain.Profile;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.domain.Username;
import dev.userkit.hooks.UserKitEvent.Type;
import dev.userkit.internal.AccountSupport;
import dev.userkit.internal.IdGenerator;
import dev.userkit.internal.MailTemplates;
import dev.userkit.internal.Notifier;
import dev.userkit.internal.OneTimeCodes;
import dev.userkit.internal.PasswordPolicy;
import dev.userkit.internal.SessionRevocation;
import dev.userkit.internal.UserKitContext;
import dev.userkit.internal.UserRecords;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.MailMessage;
import dev.userkit.spi.UserQuery;
import dev.userkit.spi.UserRecord;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts (FEATURES A1-A18): registration and email verification, lookups and lists, changes
 * of username, password, email, profile, metadata, status and admin flag, deletion, the purge of
 * unverified accounts, import with existing hashes and export.
 *
 * <p>Every domain failure is a {@link UserKitException} with the code each method names;
 * infrastructure faults are {@link dev.userkit.StoreException}. A rejected call changes nothing.
 */
public final class Accounts {
    private static final int PURGE_BATCH = 200;
    private final UserKitContext ctx;
    private final UserKitConfig config;
    private final AccountSupport support;
    private final UserRecords records;
    private final PasswordPolicy policy;
    private final OneTimeCodes codes;
    private final Notifier notifier;
    private final SessionRevocation revocation;
    private final AccountRemoval removal;
    private final UserExport export;

    /** Built by {@link dev.userkit.UserKit} or Guice. */
    @Inject
    public Accounts(UserKitContext ctx) {
        this.ctx = ctx;
        this.config = ctx.config();
        this.support = AccountSupport.of(ctx);
        this.records = support.records();
        this.policy = support.policy();
        this.codes = support.codes();
        this.notifier = support.notifier();
        this.revocation = support.revocation();
        this.removal = new AccountRemoval(ctx, revocation);
        this.export = new UserExport(ctx.stores());
    }

    // ---------------------------------------------------------------- registration (A1-A3, A15)

    /**
     * Registers a user (A1, A2). The user is PENDING and a verification code is issued, returned
     * and mailed (VERIFY_EMAIL) unless {@code activateOnSignup} is set: then the user is ACTIVE at
     * once and holds the configured default role if that role exists. Uniqueness of username,
     * email and phone is decided by the store, never by a check first (REL-2).
     *
     * @throws UserKitException INVALID_USERNAME (900), INVALID_EMAIL (901), INVALID_PHONE (804),
     *         INVALID_METADATA (1009), PASSWORD_TOO_SHORT/LONG (1001/1002), PASSWORD_BLOCKLISTED (1003),
     *         PASSWORD_CONTAINS_CONTEXT (1004), USER_EXISTS (602), INVALID_ARGUMENT (1010) for missing input
     */
    public Registration register(NewUser u, ClientContext client) {
        boolean active = config.activateOnSignup();
        User user = newUser(u, active ? UserStatus.ACTIVE : UserStatus.PENDING);
        policy.check(u.password(), user.username(), user.email());
        String hash = ctx.hasher().hash(u.password());
        String code = ctx.stores().unitOfWork().run(() -> {
            insert(new UserRecord(user, hash, 0));
            if (active) {
                grantDefaultRole(user.id());
                return null;
            }
            return codes.issueLink(user.id(), CodePurpose.EMAIL_VERIFY, user.email().key());
        });
        ctx.events().emit(Type.USER_REGISTERED, user.id(), client);
        if (code != null) mailVerification(user, code);
        return new Registration(user.id(), code);
    }

    /**
     * Verifies the email of a PENDING user with the code from its registration (A3): the user
     * becomes ACTIVE. A code issued for an address the user no longer has is invalid.
     *
     * @throws UserKitException CODE_INVALID (801), CODE_EXPIRED (800)
     */
    public User verifyEmail(String code) {
        CodeRecord c = codes.consumeLink(code, CodePurpose.EMAIL_VERIFY);
        UserRecord current = ctx.stores().users().findById(c.userId()).orElseThrow(() -> new UserKitException(ErrorCode.CODE_INVALID));
        if (!current.user().email().key().equals(c.target())) throw new UserKitException(ErrorCode.CODE_INVALID);
        UserRecord done = records.modify(c.userId(), r -> r.user().status() != UserStatus.PENDING ? r
                : r.next(r.user().withStatus(UserStatus.ACTIVE, now())));
        ctx.events().emit(Type.EMAIL_VERIFIED, c.userId(), null);
        return done.user();
    }

    /**
     * Issues a new verification code for a PENDING user, voiding the previous one, and mails it (A15).
     *
     * @throws UserKitException USER_NOT_FOUND (605), INVALID_ARGUMENT (1010) when the user is not PENDING,
     *         THROTTLED (1005) over the send-rate limit per address or client (SEC-25)
     */
    public String resendVerification(String usernameOrEmail, ClientContext client) {
        User user = records.find(usernameOrEmail).orElseThrow(() -> new UserKitException(ErrorCode.USER_NOT_FOUND)).user();
        if (user.status() != UserStatus.PENDING) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "The email is verified already");
        requireSendAllowed("verify", user.email().key(), client);
        String code = codes.issueLink(user.id(), CodePurpose.EMAIL_VERIFY, user.email().key());
        mailVerification(user, code);
        return code;
    }

    // ---------------------------------------------------------------- lookups and lists (A4, A5, A14)

    /** The user with this id (A4). */
    public Optional<User> findById(UserId id) {
        return id == null ? Optional.empty() : ctx.stores().users().findById(id).map(UserRecord::user);
    }

    /** The user with this username (canonicalised, A13); a malformed name finds nobody. */
    public Optional<User> findByUsername(String username) {
        return Email.looksLikeEmail(username) ? Optional.empty() : find(username);
    }

    /** The user with this email (case-insensitive); a malformed address finds nobody. */
    public Optional<User> findByEmail(String email) {
        return Email.looksLikeEmail(email) ? find(email) : Optional.empty();
    }

    /** The user named by a username or an email in one argument (A4). */
    public Optional<User> find(String usernameOrEmail) {
        return records.find(usernameOrEmail).map(UserRecord::user);
    }

    /**
     * A page of users in id (creation) order after {@code after} (null: from the start) (A5).
     *
     * @throws UserKitException INVALID_ARGUMENT (1010) unless 1 &lt;= limit &lt;= 1000
     */
    public List<User> list(UserId after, int limit) {
        return list(query(after, limit, null, null));
    }

    /**
     * A page of users whose metadata field {@code field} equals the scalar {@code value} (A5).
     *
     * @throws UserKitException INVALID_METADATA (1009) for a bad field name or non-scalar value,
     *         INVALID_ARGUMENT (1010) for a bad limit
     */
    public List<User> listByMetadata(String field, Object value, UserId after, int limit) {
        JsonValues.fieldName(field);
        return list(query(after, limit, field, value));
    }

    /** A page of users as the query says (A5). */
    public List<User> list(UserQuery query) {
        return ctx.stores().users().list(query).stream().map(UserRecord::user).toList();
    }

    /**
     * A page of the users holding a role, in id order (A5, R3).
     *
     * @throws UserKitException WRONG_ROLE_NAME (701) if no such role, INVALID_ARGUMENT (1010) for a bad limit
     */
    public List<User> listByRole(String roleName, UserId after, int limit) {
        checkLimit(limit);
        var role = ctx.stores().roles().findByName(roleName == null ? "" : roleName)
                .orElseThrow(() -> new UserKitException(ErrorCode.WRONG_ROLE_NAME));
        return ctx.stores().roles().usersWith(role.role().id(), after, limit).stream()
                .map(this::findById).flatMap(Optional::stream).toList();
    }

    /**
     * First and last name, or the username when neither is set (A14).
     *
     * @throws UserKitException USER_NOT_FOUND (605)
     */
    public String fullName(UserId id) {
        return records.require(id).user().fullName();
    }

    /**
     * The user with its roles (A14).
     *
     * @throws UserKitException USER_NOT_FOUND (605)
     */
    public FullUser fullUser(UserId id) {
        return new FullUser(records.require(id).user(), ctx.stores().roles().rolesOf(id));
    }

    // ---------------------------------------------------------------- username, password, email (A6-A8)

    /**
     * Self-service username change (A6): needs the current password.
     *
     * @throws UserKitException USER_NOT_FOUND (605), WRONG_PASSWORD (604), INVALID_USERNAME (900),
     *         UNCHANGED (1014), USER_EXISTS (602)
     */
    public User changeUsername(UserId id, String currentPassword, String newName) {
        Username name = Username.of(newName, config.usernameCaseSensitive());
        requirePassword(records.require(id), currentPassword);
        return applyUsername(id, name);
    }

    /**
     * Admin username change (A6): no password needed.
     *
     * @throws UserKitException USER_NOT_FOUND (605), INVALID_USERNAME (900), UNCHANGED (1014), USER_EXISTS (602)
     */
    public User adminChangeUsername(UserId id, String newName) {
        return applyUsername(id, Username.of(newName, config.usernameCaseSensitive()));
    }

    /**
     * Self-service password change (A7, SEC-06): needs the old password; every other session of
     * the user ends, {@code keep} (the caller's, may be null) survives (SEC-19).
     *
     * @throws UserKitException USER_NOT_FOUND (605), WRONG_PASSWORD (604), 1001-1004 for a weak new password
     */
    public void changePassword(UserId id, String oldPassword, String newPassword, SessionId keep) {
        UserRecord rec = records.require(id);
        policy.check(newPassword, rec.user().username(), rec.user().email());
        requirePassword(rec, oldPassword);
        support.replacePassword(id, newPassword, keep);
        ctx.events().emit(Type.PASSWORD_CHANGED, id, null);
    }

    /**
     * Admin password change (A7): no old password needed; every session of the user ends (SEC-19).
     *
     * @throws UserKitException USER_NOT_FOUND (605), 1001-1004 for a weak password
     */
    public void adminSetPassword(UserId id, String newPassword) {
        UserRecord rec = records.require(id);
        policy.check(newPassword, rec.user().username(), rec.user().email());
        support.replacePassword(id, newPassword, null);
        ctx.events().emit(Type.PASSWORD_CHANGED, id, null, Map.of("by", "admin"));
    }

    /**
     * Starts an email change (A8, SEC-15): needs the password; a code bound to the new address
     * goes to that address (CHANGE_EMAIL) and is returned. The email changes only on
     * {@link #confirmEmailChange}.
     *
     * @throws UserKitException USER_NOT_FOUND (605), INVALID_EMAIL (901), UNCHANGED (1014),
     *         WRONG_PASSWORD (604), USER_EXISTS (602) if the address is taken now, THROTTLED (1005) over the send limit
     */
    public String requestEmailChange(UserId id, String password, String newEmail) {
        Email email = Email.of(newEmail);
        UserRecord rec = records.require(id);
        if (rec.user().email().key().equals(email.key())) throw new UserKitException(ErrorCode.UNCHANGED);
        requirePassword(rec, password);
        // a courtesy answer only: the store's unique index decides at confirmation
        if (ctx.stores().users().findByEmailKey(email.key()).isPresent()) throw new UserKitException(ErrorCode.USER_EXISTS);
        requireSendAllowed("email-change", email.key(), null);
        String code = codes.issueLink(id, CodePurpose.EMAIL_CHANGE, email.value());
        String link = notifier.link(CodePurpose.EMAIL_CHANGE, code);
        notifier.mail(MailMessage.Kind.CHANGE_EMAIL, email.value(), to -> MailTemplates.changeEmail(to, rec.user().username().value(), link));
        return code;
    }

    /**
     * Confirms an email change with the code sent to the new address (A8).
     *
     * @throws UserKitException CODE_INVALID (801), CODE_EXPIRED (800), USER_EXISTS (602) if the address was taken meanwhile
     */
    public User confirmEmailChange(String code) {
        CodeRecord c = codes.consumeLink(code, CodePurpose.EMAIL_CHANGE);
        Email email = Email.of(c.target());
        if (ctx.stores().users().findById(c.userId()).isEmpty()) throw new UserKitException(ErrorCode.CODE_INVALID);
        User u = records.modify(c.userId(), r -> r.next(r.user().withEmail(email, now()))).user();
        ctx.events().emit(Type.EMAIL_CHANGED, u.id(), null);
        return u;
    }

    // ---------------------------------------------------------------- profile and metadata (A9)

    /**
     * Replaces the profile (A9).
     *
     * @throws UserKitException USER_NOT_FOUND (605)
     */
    public User updateProfile(UserId id, Profile profile) {
        return records.modify(id, r -> r.next(r.user().withProfile(profile, now()))).user();
    }

    /**
     * Replaces the metadata object (A9).
     *
     * @throws UserKitException INVALID_METADATA (1009), USER_NOT_FOUND (605)
     */
    public User replaceMetadata(UserId id, Map<String, Object> metadata) {
        Map<String, Object> valid = JsonValues.object(metadata);
        return records.modify(id, r -> r.next(r.user().withMetadata(valid, now()))).user();
    }

    /**
     * Sets one top-level metadata field; a null value removes it (A9). Concurrent writers of
     * different fields do not lose each other's writes.
     *
     * @throws UserKitException INVALID_METADATA (1009), USER_NOT_FOUND (605), CONCURRENT_UPDATE (1013)
     */
    public User setMetadataField(UserId id, String field, Object value) {
        JsonValues.fieldName(field);
        Object valid = JsonValues.value(value);
        return records.modify(id, r -> {
            Map<String, Object> m = new LinkedHashMap<>(r.user().metadata());
            if (valid == null) m.remove(field);
            else m.put(field, valid);
            return r.next(r.user().withMetadata(m, now()));
        }).user();
    }

    // ---------------------------------------------------------------- status, admin, deletion (A10-A12, A16)

    /**
     * Sets the status (A11); disabling ends every session of the user (SEC-19).
     *
     * @throws UserKitException USER_NOT_FOUND (605), INVALID_ARGUMENT (1010) for a null status
     */
    public User setStatus(UserId id, UserStatus status) {
        if (status == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Status is required");
        User u = ctx.stores().unitOfWork().run(() -> {
            User changed = records.modify(id, r -> r.user().status() == status ? r : r.next(r.user().withStatus(status, now()))).user();
            if (status == UserStatus.DISABLED) revocation.all(id);
            return changed;
        });
        ctx.events().emit(Type.USER_STATUS_CHANGED, id, null, Map.of("status", status.name()));
        return u;
    }

    /** Makes the user ACTIVE (A11). @throws UserKitException USER_NOT_FOUND (605) */
    public User activate(UserId id) {
        return setStatus(id, UserStatus.ACTIVE);
    }

    /** Makes the user DISABLED and ends its sessions (A11). @throws UserKitException USER_NOT_FOUND (605) */
    public User deactivate(UserId id) {
        return setStatus(id, UserStatus.DISABLED);
    }

    /** The admin flag (A12). @throws UserKitException USER_NOT_FOUND (605) */
    public boolean isAdmin(UserId id) {
        return records.require(id).user().admin();
    }

    /** Sets or clears the admin flag (A12). @throws UserKitException USER_NOT_FOUND (605) */
    public User setAdmin(UserId id, boolean admin) {
        User u = records.modify(id, r -> r.user().admin() == admin ? r : r.next(r.user().withAdmin(admin, now()))).user();
        ctx.events().emit(Type.ROLE_CHANGED, id, null, Map.of("admin", Boolean.toString(admin)));
        return u;
    }

    /**
     * Deletes the user with its sessions, codes, role grants and devices (A10, REL-7).
     *
     * @throws UserKitException USER_NOT_FOUND (605)
     */
    public void delete(UserId id) {
        for (int i = 0; i < 5; i++) {
            if (removal.removeIfUnchanged(records.require(id))) {
                ctx.events().emit(Type.USER_DELETED, id, null);
                return;
            }
        }
        throw new UserKitException(ErrorCode.CONCURRENT_UPDATE);
    }

    /**
     * Deletes the user named by a username or an email (A10).
     *
     * @throws UserKitException USER_NOT_FOUND (605)
     */
    public void delete(String usernameOrEmail) {
        delete(records.find(usernameOrEmail).orElseThrow(() -> new UserKitException(ErrorCode.USER_NOT_FOUND)).user().id());
    }

    /**
     * Deletes accounts still PENDING longer than {@code pendingAccountTtl} (A16, default 7 days),
     * freeing their usernames and emails. An account verified meanwhile is kept.
     *
     * @return how many accounts were removed
     */
    public int purgeUnverified() {
        Instant cutoff = now().minus(config.pendingAccountTtl());
        int total = 0;
        while (true) {
            int removed = 0;
            for (UserId id : ctx.stores().users().findPendingCreatedBefore(cutoff, PURGE_BATCH)) {
                Optional<UserRecord> r = ctx.stores().users().findById(id);
                if (r.isPresent() && r.get().user().status() == UserStatus.PENDING && removal.removeIfUnchanged(r.get())) {
                    ctx.events().emit(Type.USER_DELETED, id, null, Map.of("reason", "unverified"));
                    removed++;
                }
            }
            total += removed;
            // a page without progress would come back unchanged: stop rather than spin
            if (removed == 0) return total;
        }
    }

    // ---------------------------------------------------------------- import and export (A17, A18)

    /**
     * Imports a user with a password hash from another system (A17): bcrypt ($2a/$2b/$2y),
     * Password4j's PBKDF2 and scrypt forms, or Argon2 (PHC). The user logs in with the old password
     * and is re-hashed with the current parameters then. {@code u.password()} is ignored.
     *
     * @param status the new user's status; null means ACTIVE
     * @throws UserKitException UNSUPPORTED_HASH (1011), USER_EXISTS (602), and the validation codes of {@link #register}
     */
    public UserId importUser(NewUser u, String passwordHash, UserStatus status) {
        User user = newUser(u, status == null ? UserStatus.ACTIVE : status);
        if (!ctx.hasher().supports(passwordHash)) throw new UserKitException(ErrorCode.UNSUPPORTED_HASH);
        insert(new UserRecord(user, passwordHash, 0));
        ctx.events().emit(Type.USER_REGISTERED, user.id(), null, Map.of("imported", "true"));
        return user.id();
    }

    /**
     * Everything stored about the user as JSON (A18): account, profile, metadata, roles, devices
     * and sessions, without any password hash, token or code.
     *
     * @throws UserKitException USER_NOT_FOUND (605)
     */
    public String exportUser(UserId id) {
        return export.toJson(records.require(id).user());
    }

    // ---------------------------------------------------------------- helpers

    /** Creates an ACTIVE user with this password at once (for {@link Bootstrap}); codes as {@link #register}. */
    UserId createActive(NewUser u) {
        User user = newUser(u, UserStatus.ACTIVE);
        policy.check(u.password(), user.username(), user.email());
        insert(new UserRecord(user, ctx.hasher().hash(u.password()), 0));
        ctx.events().emit(Type.USER_REGISTERED, user.id(), null);
        return user.id();
    }

    private User newUser(NewUser u, UserStatus status) {
        if (u == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "User is required");
        Username name = Username.of(u.username(), config.usernameCaseSensitive());
        Email email = Email.of(u.email());
        Phone phone = u.phone() == null ? null : Phone.of(u.phone());
        Instant now = now();
        return new User(IdGenerator.userId(), name, email, phone, u.profile(), JsonValues.object(u.metadata()), u.admin(),
                status, now, now);
    }

    private void insert(UserRecord rec) {
        try {
            ctx.stores().users().insert(rec);
        } catch (DuplicateKeyException e) {
            throw new UserKitException(ErrorCode.USER_EXISTS);
        }
    }

    private void grantDefaultRole(UserId id) {
        if (config.defaultRole() == null) return;
        ctx.stores().roles().findByName(config.defaultRole()).ifPresent(r -> ctx.stores().roles().grant(id, r.role().id()));
    }

    private void mailVerification(User user, String code) {
        String link = notifier.link(CodePurpose.EMAIL_VERIFY, code);
        notifier.mail(MailMessage.Kind.VERIFY_EMAIL, user.email().value(),
                to -> MailTemplates.verifyEmail(to, user.username().value(), link));
    }

    private void requirePassword(UserRecord rec, String password) {
        if (password == null || !ctx.hasher().verify(password, rec.passwordHash()).matches()) {
            throw new UserKitException(ErrorCode.WRONG_PASSWORD);
        }
    }

    private void requireSendAllowed(String channel, String destination, ClientContext client) {
        if (!support.sendLimits().allow(channel, destination, client)) throw UserKitException.throttled(config.sendWindow());
    }

    private User applyUsername(UserId id, Username name) {
        User u = records.modify(id, r -> {
            if (r.user().username().value().equals(name.value())) throw new UserKitException(ErrorCode.UNCHANGED);
            return r.next(r.user().withUsername(name, now()));
        }).user();
        ctx.events().emit(Type.USERNAME_CHANGED, id, null);
        return u;
    }

    private static UserQuery query(UserId after, int limit, String field, Object value) {
        checkLimit(limit);
        return new UserQuery(after, limit, field, value);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > 1000) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Page size must be 1 to 1000");
    }

    private Instant now() {
        return ctx.clock().instant();
    }
}
