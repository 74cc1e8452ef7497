package dev.userkit.accounts;

import dev.userkit.ClientContext;
import dev.userkit.UserKitException;
import dev.userkit.assembly.ServiceHelpers;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.Profile;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Accounts (FEATURES A1-A18): registration and email verification, lookups and lists, changes
 * of username, password, email, profile, metadata, status and admin flag, deletion, the purge of
 * unverified accounts, import with existing hashes and export.
 *
 * <p>The lookups, pages and the export (A4, A5, A14, A18) are declared by the read side this class
 * extends; everything else here writes.
 *
 * <p>Every domain failure is a {@link UserKitException} with the code each method names;
 * infrastructure faults are {@link dev.userkit.StoreException}. A rejected call changes nothing.
 */
public final class Accounts extends AccountLookups {
    private final AccountCreation creation;
    private final Registrations registrations;
    private final CredentialChanges credentials;
    private final EmailChange emailChange;
    private final AccountUpdates updates;
    private final AdminInfoChange adminInfo;
    private final AccountRemoval removal;

    /** Built by {@link AccountsFactory}, for {@link dev.userkit.UserKit} or Guice. */
    Accounts(ServiceHelpers support) {
        super(new UserQueries(support.ctx().stores(), support.records()), new UserExport(support.ctx().stores()));
        UserKitContext ctx = support.ctx();
        AccountChecks checks = new AccountChecks(support);
        this.creation = new AccountCreation(support);
        this.registrations = new Registrations(support, creation, checks);
        this.credentials = new CredentialChanges(support, checks);
        this.emailChange = new EmailChange(support, checks);
        this.updates = new AccountUpdates(support);
        this.adminInfo = new AdminInfoChange(support);
        this.removal = new AccountRemoval(ctx, support.records(), support.revocation());
    }

    // ---------------------------------------------------------------- registration (A1-A3, A15)

    /**
     * Registers a user (A1, A2). The user is PENDING and a verification code is issued, returned
     * and mailed (VERIFY_EMAIL) unless {@code activateOnSignup} is set: then the user is ACTIVE at
     * once and holds the configured default role if that role exists. Uniqueness of username,
     * email and phone is decided by the store, never by a check first (REL-2).
     *
     * @param u the new user's username, email, password and optional fields
     * @param client what is known about the caller, or null; its address counts towards the send limit
     * @return the new user's id and, unless it is active at once, its verification code
     * @throws UserKitException INVALID_USERNAME (900), INVALID_EMAIL (901), INVALID_PHONE (804),
     *         INVALID_METADATA (1009), INVALID_LOCALE (1016), PASSWORD_TOO_SHORT/LONG (1001/1002),
     *         PASSWORD_BLOCKLISTED (1003), PASSWORD_CONTAINS_CONTEXT (1004), USER_EXISTS (602),
     *         INVALID_ARGUMENT (1010) for missing input
     */
    public Registration register(NewUser u, ClientContext client) {
        return registrations.register(u, client);
    }

    /**
     * An administrator's creation of an account that is ACTIVE at once (A2): as {@link #register}
     * with {@code activateOnSignup} for this one account, whatever the configuration says. One unit
     * of work stores the user and grants the configured default role if that role exists; no
     * verification code is issued and no mail is queued. Listeners hear USER_REGISTERED with
     * {@code by=admin}.
     *
     * @param u the new user's username, email, password and optional fields
     * @return the user as stored
     * @throws UserKitException the codes of {@link #register}
     */
    public User adminCreate(NewUser u) {
        return registrations.adminCreate(u);
    }

    /**
     * Verifies the email of a PENDING user with the code from its registration (A3): the user
     * becomes ACTIVE. A code issued for an address the user no longer has is invalid.
     *
     * @param code the verification code as the user received it
     * @return the user, now ACTIVE
     * @throws UserKitException CODE_INVALID (801), CODE_EXPIRED (800)
     */
    public User verifyEmail(String code) {
        return registrations.verifyEmail(code);
    }

    /**
     * Issues a new verification code for a PENDING user, voiding the previous one, and mails it (A15).
     *
     * @param usernameOrEmail the PENDING user's username or email
     * @param client what is known about the caller, or null; counted towards the send limit
     * @return the new verification code
     * @throws UserKitException USER_NOT_FOUND (605), INVALID_ARGUMENT (1010) when the user is not PENDING,
     *         THROTTLED (1005) over the send-rate limit per address or client (SEC-25)
     */
    public String resendVerification(String usernameOrEmail, ClientContext client) {
        return registrations.resendVerification(usernameOrEmail, client);
    }

    // ---------------------------------------------------------------- username, password, email (A6-A8)

    /**
     * Self-service username change (A6): needs the current password.
     *
     * @param id the user's id
     * @param currentPassword the user's password, proving it is the owner
     * @param newName the new username as entered
     * @return the user with its new username
     * @throws UserKitException USER_NOT_FOUND (605), WRONG_PASSWORD (604), INVALID_USERNAME (900),
     *         UNCHANGED (1014), USER_EXISTS (602)
     */
    public User changeUsername(UserId id, String currentPassword, String newName) {
        return credentials.changeUsername(id, currentPassword, newName);
    }

    /**
     * Admin username change (A6): no password needed.
     *
     * @param id the user's id
     * @param newName the new username as entered
     * @return the user with its new username
     * @throws UserKitException USER_NOT_FOUND (605), INVALID_USERNAME (900), UNCHANGED (1014), USER_EXISTS (602)
     */
    public User adminChangeUsername(UserId id, String newName) {
        return credentials.adminChangeUsername(id, newName);
    }

    /**
     * Self-service password change (A7, SEC-06): needs the old password; every other session of
     * the user ends, {@code keep} (the caller's, may be null) survives (SEC-19).
     *
     * @param id the user's id
     * @param oldPassword the current password
     * @param newPassword the new password, checked against the password policy
     * @param keep the session to keep (usually the caller's), or null to end them all
     * @throws UserKitException USER_NOT_FOUND (605), WRONG_PASSWORD (604), 1001-1004 for a weak new password
     */
    public void changePassword(UserId id, String oldPassword, String newPassword, SessionId keep) {
        credentials.changePassword(id, oldPassword, newPassword, keep);
    }

    /**
     * Admin password change (A7): no old password needed; every session of the user ends (SEC-19).
     *
     * @param id the user's id
     * @param newPassword the new password, checked against the password policy
     * @throws UserKitException USER_NOT_FOUND (605), 1001-1004 for a weak password
     */
    public void adminSetPassword(UserId id, String newPassword) {
        credentials.adminSetPassword(id, newPassword);
    }

    /**
     * Starts an email change (A8, SEC-15): needs the password; a code bound to the new address
     * goes to that address (CHANGE_EMAIL) and is returned. The email changes only on
     * {@link #confirmEmailChange}.
     *
     * @param id the user's id
     * @param password the user's password
     * @param newEmail the new address as entered
     * @return the confirmation code that was mailed to the new address
     * @throws UserKitException USER_NOT_FOUND (605), INVALID_EMAIL (901), UNCHANGED (1014),
     *         WRONG_PASSWORD (604), USER_EXISTS (602) if the address is taken now, THROTTLED (1005) over the send limit
     */
    public String requestEmailChange(UserId id, String password, String newEmail) {
        return emailChange.request(id, password, newEmail);
    }

    /**
     * Confirms an email change with the code sent to the new address (A8).
     *
     * @param code the confirmation code as received at the new address
     * @return the user with its new email
     * @throws UserKitException CODE_INVALID (801), CODE_EXPIRED (800), USER_EXISTS (602) if the address was taken meanwhile
     */
    public User confirmEmailChange(String code) {
        return emailChange.confirm(code);
    }

    /**
     * An administrator's change of profile, email and phone (A19): no password, no code. One write,
     * so a taken email or phone changes nothing at all; the old address gets an
     * {@link dev.userkit.spi.MessageKind#EMAIL_CHANGE_NOTICE} in the same unit of work, and listeners
     * hear EMAIL_CHANGED and PHONE_CHANGED with {@code by=admin}. A pending email change the user
     * started is not confirmed by this (its code stays bound to the address it was sent to).
     *
     * @param id the user
     * @param profile the new profile, or null to keep it
     * @param email the new email, or null to keep it
     * @param phone the new phone number, null to keep it, or empty to remove it
     * @return the user as stored
     * @throws UserKitException USER_NOT_FOUND (605), USER_EXISTS (602) for a taken email or phone,
     *         INVALID_EMAIL (901), INVALID_PHONE (804), UNCHANGED (1014) when every argument is null
     */
    public User adminUpdateInfo(UserId id, Profile profile, String email, String phone) {
        return adminInfo.apply(id, profile, email, phone);
    }

    // ---------------------------------------------------------------- profile and metadata (A9)

    /**
     * Replaces the profile (A9).
     *
     * @param id the user's id
     * @param profile the new profile, replacing the whole old one
     * @return the updated user
     * @throws UserKitException USER_NOT_FOUND (605)
     */
    public User updateProfile(UserId id, Profile profile) {
        return updates.updateProfile(id, profile);
    }

    /**
     * Stores the language the user reads mail and messages in (M3): mail to the user is written in
     * it, before the request's language and the default.
     *
     * @param id the user's id
     * @param locale the language, or null to store none
     * @return the updated user
     * @throws UserKitException INVALID_LOCALE (1016) for a locale without a language or whose tag is
     *         ill-formed or longer than 35 characters, USER_NOT_FOUND (605)
     */
    public User updateLocale(UserId id, Locale locale) {
        return updates.updateLocale(id, locale);
    }

    /**
     * Replaces the metadata object (A9).
     *
     * @param id the user's id
     * @param metadata the new metadata object, replacing the whole old one
     * @return the updated user
     * @throws UserKitException INVALID_METADATA (1009), USER_NOT_FOUND (605)
     */
    public User replaceMetadata(UserId id, Map<String, Object> metadata) {
        return updates.replaceMetadata(id, metadata);
    }

    /**
     * Sets one top-level metadata field; a null value removes it (A9). Concurrent writers of
     * different fields do not lose each other's writes.
     *
     * @param id the user's id
     * @param field the top-level field name
     * @param value the field's new JSON value, or null to remove the field
     * @return the updated user
     * @throws UserKitException INVALID_METADATA (1009), USER_NOT_FOUND (605), CONCURRENT_UPDATE (1013)
     */
    public User setMetadataField(UserId id, String field, Object value) {
        return updates.setMetadataField(id, field, value);
    }

    // ---------------------------------------------------------------- status, admin, deletion (A10-A12, A16)

    /**
     * Sets the status (A11); disabling ends every session of the user (SEC-19).
     *
     * @param id the user's id
     * @param status the new status
     * @return the updated user
     * @throws UserKitException USER_NOT_FOUND (605), INVALID_ARGUMENT (1010) for a null status
     */
    public User setStatus(UserId id, UserStatus status) {
        return updates.setStatus(id, status);
    }

    /**
     * Makes the user ACTIVE (A11).
     *
     * @param id the user's id
     * @return the updated user
     * @throws UserKitException USER_NOT_FOUND (605)
     */
    public User activate(UserId id) {
        return setStatus(id, UserStatus.ACTIVE);
    }

    /**
     * Makes the user DISABLED and ends its sessions (A11).
     *
     * @param id the user's id
     * @return the updated user
     * @throws UserKitException USER_NOT_FOUND (605)
     */
    public User deactivate(UserId id) {
        return setStatus(id, UserStatus.DISABLED);
    }

    /**
     * Lifts a login lockout of the account (SEC-28): the failure counters of its username and email
     * start again, so the right password works at once; a {@code UNLOCKED} event records who was
     * unlocked. Counters of client addresses and of single known clients are left alone.
     *
     * @param id the user's id
     * @throws UserKitException USER_NOT_FOUND (605), INVALID_ARGUMENT (1010) for a null id
     */
    public void unlock(UserId id) {
        updates.unlock(id);
    }

    /**
     * When the account's login lockout ends (SEC-28), for an admin page: present while its username
     * or email has used up its attempts, so that a login by either is refused THROTTLED. Lockouts of
     * client addresses or of single known clients are not the account's and do not show here.
     *
     * @param id the user's id
     * @return the end of the lockout, or empty when the account is not locked out
     * @throws UserKitException USER_NOT_FOUND (605), INVALID_ARGUMENT (1010) for a null id
     */
    public Optional<Instant> lockedUntil(UserId id) {
        return updates.lockedUntil(id);
    }


    /**
     * Sets or clears the admin flag (A12).
     *
     * @param id the user's id
     * @param admin true to make the user an administrator, false to clear the flag
     * @return the updated user
     * @throws UserKitException USER_NOT_FOUND (605)
     */
    public User setAdmin(UserId id, boolean admin) {
        return updates.setAdmin(id, admin);
    }

    /**
     * Deletes the user with its sessions, codes, role grants and devices (A10, REL-7).
     *
     * @param id the user's id
     * @throws UserKitException USER_NOT_FOUND (605)
     */
    public void delete(UserId id) {
        removal.delete(id);
    }

    /**
     * Deletes the user named by a username or an email (A10).
     *
     * @param usernameOrEmail the user's username or email
     * @throws UserKitException USER_NOT_FOUND (605)
     */
    public void delete(String usernameOrEmail) {
        removal.delete(usernameOrEmail);
    }

    /**
     * Deletes accounts still PENDING longer than {@code pendingAccountTtl} (A16, default 7 days),
     * freeing their usernames and emails. An account verified meanwhile is kept.
     *
     * @return how many accounts were removed
     */
    public int purgeUnverified() {
        return removal.purgeUnverified();
    }

    /** One bounded batch of {@link #purgeUnverified()}, for scheduled maintenance (through {@link AccountsFactory}). */
    int purgeUnverifiedBatch(Instant now, int limit) {
        return removal.purgeUnverifiedBatch(now, limit);
    }

    // ---------------------------------------------------------------- import and export (A17, A18)

    /**
     * Imports a user with a password hash from another system (A17): bcrypt ($2a/$2b/$2y),
     * Argon2 (PHC), PBKDF2-SHA256/512 in the PHC ({@code $pbkdf2-sha256$i=..,l=..$..}), passlib
     * ({@code $pbkdf2-sha256$<rounds>$..}) or Django ({@code pbkdf2_sha256$..}) encoding, scrypt in
     * the PHC encoding ({@code $scrypt$ln=..,r=..,p=..$..}), or Password4j's PBKDF2 and scrypt forms. The user logs in with the old password
     * and is re-hashed with the current parameters then. {@code u.password()} is ignored.
     *
     * @param status the new user's status; null means ACTIVE
     * @param u the user's username, email and optional fields
     * @param passwordHash the hash from the other system, in one of the encodings above
     * @return the new user's id
     * @throws UserKitException UNSUPPORTED_HASH (1011), USER_EXISTS (602), and the validation codes of {@link #register}
     */
    public UserId importUser(NewUser u, String passwordHash, UserStatus status) {
        return creation.importUser(u, passwordHash, status);
    }


    /** Creates an ACTIVE user with this password at once (for {@link Bootstrap}); codes as {@link #register}. */
    UserId createActive(NewUser u) {
        return creation.createActive(u);
    }
}
