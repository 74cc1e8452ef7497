package dev.userkit.hooks;

import dev.userkit.domain.UserId;
import java.time.Instant;
import java.util.Map;

/**
 * An audit event (H3, SEC-24). It never carries a password, token or code; free-text fields
 * from user input have their line breaks escaped.
 *
 * @param type what happened
 * @param at when
 * @param userId the user concerned, or null (for example a failed login of an unknown name)
 * @param address the client address, or null
 * @param details extra facts (error code, role name, ...), all strings
 */
public record UserKitEvent(Type type, Instant at, UserId userId, String address, Map<String, String> details) {
    /** The events UserKit emits. */
    public enum Type {
        /** A user was registered or imported; {@code details} holds {@code imported=true} for an import (A17), {@code by=admin} for {@code Accounts.adminCreate}. */
        USER_REGISTERED,
        /** A user verified the email address. */
        EMAIL_VERIFIED,
        /** A login succeeded. */
        LOGIN_SUCCEEDED,
        /** A login failed; {@code details} holds the error code. */
        LOGIN_FAILED,
        /** A session was logged out. */
        LOGOUT,
        /** A password was changed by its owner or an administrator. */
        PASSWORD_CHANGED,
        /** A password was reset with a code. */
        PASSWORD_RESET,
        /** A user's email changed; {@code details} holds {@code by=admin} for an administrator's change (A19). */
        EMAIL_CHANGED,
        /** An administrator changed or removed a user's phone number (A19). */
        PHONE_CHANGED,
        /** A user's username changed. */
        USERNAME_CHANGED,
        /** A role was granted or revoked, or the admin flag changed. */
        ROLE_CHANGED,
        /** A user was activated or disabled. */
        USER_STATUS_CHANGED,
        /** A user was deleted. */
        USER_DELETED,
        /** A device was first seen, permitted or restricted. */
        DEVICE_CHANGED,
        /** Sessions of a user were ended at once; {@code details} holds how many. */
        SESSIONS_REVOKED,
        /** The first login a failure counter refuses in its window (SEC-09). */
        LOCKED_OUT,
        /** An administrator lifted a user's lockout. */
        UNLOCKED
    }

    /**
     * Escapes line breaks and copies the details.
     *
     * @param type see {@link #type()}
     * @param at see {@link #at()}
     * @param userId see {@link #userId()}
     * @param address see {@link #address()}
     * @param details see {@link #details()}
     */
    public UserKitEvent {
        address = escape(address);
        details = details == null ? Map.of() : Map.copyOf(details);
        details = details.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> escape(e.getValue())));
    }

    /**
     * Escapes CR and LF so that a value cannot forge a log line (SEC-24).
     *
     * @param s the text, or null
     * @return the text with backslash, CR and LF escaped, or null
     */
    public static String escape(String s) {
        return s == null ? null : s.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }
}
