package dev.userkit.spi;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What one message says, before it is rendered: the structured fields every template and every
 * test reads (M1). It carries a one-time code or link: it is stored only encrypted (SEC-12) and
 * never logged; {@link #toString()} names only the kind and the id.
 *
 * @param id the message's identity, unique per message: the outbox key and the base of the mail's Message-ID
 * @param kind what the message is
 * @param recipient the address or the E.164 phone number it goes to
 * @param locale the language it is written in
 * @param username the username of the account it concerns, or null (an unknown-address notice)
 * @param code the one-time code, or null for a notice
 * @param link the text the application's {@link dev.userkit.hooks.LinkBuilder} made of the code, or null
 * @param expiresAt when the code expires, or null for a notice
 */
public record Notification(String id, MessageKind kind, String recipient, Locale locale, String username,
                           String code, String link, Instant expiresAt) {
    /**
     * Checks the required fields.
     *
     * @param id see {@link #id()}
     * @param kind see {@link #kind()}
     * @param recipient see {@link #recipient()}
     * @param locale see {@link #locale()}
     * @param username see {@link #username()}
     * @param code see {@link #code()}
     * @param link see {@link #link()}
     * @param expiresAt see {@link #expiresAt()}
     */
    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(locale, "locale");
    }

    /**
     * This notification sent to another recipient (a {@link dev.userkit.hooks.RecipientResolver}'s choice).
     *
     * @param to the new recipient
     * @return the copy
     */
    public Notification withRecipient(String to) {
        return new Notification(id, kind, to, locale, username, code, link, expiresAt);
    }

    @Override
    public String toString() {
        return "Notification[" + kind + " " + id + "]";
    }
}
