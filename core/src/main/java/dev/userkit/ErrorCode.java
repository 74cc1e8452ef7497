package dev.userkit;

/**
 * Every domain outcome UserKit can report, with a stable number and a message key for i18n.
 *
 * <p>Numbers 601-609, 701-704, 800-807 and 900-901 are umpack's; UserKit's own start at 1000.
 * Numbers and keys never change once released; new outcomes get new numbers.
 */
public enum ErrorCode {
    /** The account exists but its email address is not verified yet (told only after a correct password). */
    USER_NOT_ACTIVATED(601, "user.not_activated", "User is not activated"),
    /** A username, email or phone number is already taken. */
    USER_EXISTS(602, "user.exists", "User name or email already exists"),
    /** Unknown user, wrong password or disabled account: deliberately indistinguishable. */
    WRONG_CREDENTIALS(603, "login.wrong_credentials", "Wrong user name or password"),
    /** The current password given for a self-service change is wrong. */
    WRONG_PASSWORD(604, "user.wrong_password", "Wrong password"),
    /** No such user (admin paths only: login and recovery never say this). */
    USER_NOT_FOUND(605, "user.not_found", "User does not exist"),
    /** No session token was supplied. */
    TOKEN_MISSING(606, "session.token_missing", "No session token in the request"),
    /** The session token is unknown or revoked. */
    TOKEN_INVALID(607, "session.token_invalid", "Invalid session token"),
    /** The session existed but its idle or absolute lifetime has ended. */
    TOKEN_EXPIRED(608, "session.token_expired", "Session expired"),
    /** Authenticated, but not allowed. */
    ACCESS_DENIED(609, "access.denied", "Access denied"),

    /** Role name is malformed or no such role exists. */
    WRONG_ROLE_NAME(701, "role.wrong_name", "Wrong role name"),
    /** A role of that name exists already. */
    ROLE_EXISTS(702, "role.exists", "Role already exists"),
    /** A permission's path pattern, name or verb list is malformed. */
    INVALID_PATTERN(703, "role.invalid_pattern", "Invalid action pattern"),
    /** The role already has a permission with that pattern or name. */
    PATTERN_EXISTS(704, "role.pattern_exists", "Action pattern already exists"),

    /** The one-time code was valid once but has expired. */
    CODE_EXPIRED(800, "code.expired", "Code is expired"),
    /** The one-time code is unknown, used, voided or meant for another purpose. */
    CODE_INVALID(801, "code.invalid", "Code is invalid"),
    /** Password reset by email is not configured. */
    EMAIL_RESET_UNSUPPORTED(802, "reset.email_unsupported", "Password reset by email is not supported"),
    /** Password reset by phone is not configured (no SMS sender). */
    PHONE_RESET_UNSUPPORTED(803, "reset.phone_unsupported", "Password reset by phone is not supported"),
    /** The phone number is malformed. */
    INVALID_PHONE(804, "user.invalid_phone", "Invalid phone number"),
    /** The device token is missing or too short (at least 128 bits). */
    INVALID_DEVICE_TOKEN(805, "device.invalid_token", "Invalid device token"),
    /** The device is not permitted for this account. */
    DEVICE_DENIED(806, "device.denied", "Access is denied for your device"),
    /** Device control is switched off in the configuration. */
    DEVICE_CONTROL_UNSUPPORTED(807, "device.unsupported", "Device control is not supported"),

    /** The username is malformed (empty, too long, contains '@', control or look-alike characters). */
    INVALID_USERNAME(900, "user.invalid_username", "Invalid user name"),
    /** The email address is malformed. */
    INVALID_EMAIL(901, "user.invalid_email", "Invalid email"),

    /** A store reported a unique-key clash; services translate it to a specific code. */
    DUPLICATE(1000, "store.duplicate", "Duplicate key"),
    /** The password is shorter than the configured minimum (in code points). */
    PASSWORD_TOO_SHORT(1001, "password.too_short", "Password is too short"),
    /** The password is longer than the configured maximum (in code points). */
    PASSWORD_TOO_LONG(1002, "password.too_long", "Password is too long"),
    /** The password is on the blocklist of common or breached passwords. */
    PASSWORD_BLOCKLISTED(1003, "password.blocklisted", "Password is too common"),
    /** The password contains the username or the email's local part. */
    PASSWORD_CONTAINS_CONTEXT(1004, "password.context", "Password contains the user name or email"),
    /** Too many failures or requests: try again after the retry-after the exception carries. */
    THROTTLED(1005, "throttled", "Too many attempts, try again later"),
    /** A short code was guessed wrong too often and is void. */
    CODE_ATTEMPTS_EXHAUSTED(1006, "code.attempts_exhausted", "Too many wrong codes"),
    /** The account is disabled (admin paths; login answers WRONG_CREDENTIALS instead). */
    USER_DISABLED(1007, "user.disabled", "User is disabled"),
    /** A login check hook refused the login. */
    LOGIN_REFUSED(1008, "login.refused", "Login refused"),
    /** Metadata or session data is not a JSON object of JSON values, or a field name is invalid. */
    INVALID_METADATA(1009, "user.invalid_metadata", "Invalid metadata"),
    /** Any other argument is malformed (null, negative page size, unknown id format, ...). */
    INVALID_ARGUMENT(1010, "argument.invalid", "Invalid argument"),
    /** The imported password hash is in no supported format. */
    UNSUPPORTED_HASH(1011, "password.unsupported_hash", "Unsupported password hash format"),
    /** No such device. */
    DEVICE_NOT_FOUND(1012, "device.not_found", "Device does not exist"),
    /** The record changed concurrently too often; the caller may retry. */
    CONCURRENT_UPDATE(1013, "store.concurrent_update", "Concurrent update, try again"),
    /** The new username or email is the same as the current one. */
    UNCHANGED(1014, "user.unchanged", "Nothing to change"),
    /** A setting is malformed, out of range, or missing where it is required (start-up, never a request). */
    INVALID_CONFIGURATION(1015, "config.invalid", "Invalid configuration"),
    /** A language is not a well-formed BCP 47 language tag of at most 35 characters (M3). */
    INVALID_LOCALE(1016, "user.invalid_locale", "Invalid language"),
    /** A login presented a live user session (jxMono's 400): log out first (W3). */
    ALREADY_LOGGED_IN(1017, "login.already_logged_in", "Already logged in");

    private final int number;
    private final String messageKey;
    private final String defaultMessage;

    ErrorCode(int number, String messageKey, String defaultMessage) {
        this.number = number;
        this.messageKey = messageKey;
        this.defaultMessage = defaultMessage;
    }

    /**
     * The stable numeric code.
     *
     * @return the number
     */
    public int number() { return number; }

    /**
     * A dotted key for looking up a translated message.
     *
     * @return the message key
     */
    public String messageKey() { return messageKey; }

    /**
     * An English message safe to show to an end user.
     *
     * @return the English message
     */
    public String defaultMessage() { return defaultMessage; }
}
