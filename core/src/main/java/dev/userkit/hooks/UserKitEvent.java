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
        USER_REGISTERED, EMAIL_VERIFIED, LOGIN_SUCCEEDED, LOGIN_FAILED, LOGOUT, PASSWORD_CHANGED, PASSWORD_RESET,
        EMAIL_CHANGED, USERNAME_CHANGED, ROLE_CHANGED, USER_STATUS_CHANGED, USER_DELETED, DEVICE_CHANGED, SESSIONS_REVOKED,
        LOCKED_OUT, UNLOCKED
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

    /** Escapes CR and LF so that a value cannot forge a log line (SEC-24). */
    public static String escape(String s) {
        return s == null ? null : s.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }
}
