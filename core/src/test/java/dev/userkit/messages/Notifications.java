package dev.userkit.messages;

import dev.userkit.spi.MessageKind;
import dev.userkit.spi.Notification;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Notifications as the flows make them, for the renderer's tests. */
final class Notifications {
    static final Instant EXPIRES = Instant.parse("2026-12-01T18:30:00Z");
    static final String CODE = "Zm9vYmFyYmF6cXV4";
    /** The kinds that carry a one-time code. */
    static final Set<MessageKind> WITH_CODE = EnumSet.of(MessageKind.VERIFY_EMAIL, MessageKind.CHANGE_EMAIL,
            MessageKind.PASSWORD_RESET, MessageKind.PASSWORD_RESET_SMS);

    private Notifications() {}

    /** A notification of a kind with the fields it has when the flows send it. */
    static Notification of(MessageKind kind, Locale locale, String username, String link) {
        boolean code = WITH_CODE.contains(kind);
        String to = kind == MessageKind.PASSWORD_RESET_SMS ? "+4915112345678" : "alice@example.com";
        String name = kind == MessageKind.UNKNOWN_ADDRESS_NOTICE ? null : username;
        return new Notification("msg-1", kind, to, locale, name, code ? CODE : null, code ? link : null, code ? EXPIRES : null);
    }

    static Notification of(MessageKind kind, Locale locale) {
        return of(kind, locale, "alice", "https://app.example/confirm?code=" + CODE);
    }
}
