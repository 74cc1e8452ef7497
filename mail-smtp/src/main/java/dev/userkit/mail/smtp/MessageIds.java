package dev.userkit.mail.smtp;

import java.nio.charset.StandardCharsets;

/**
 * Makes a mail's Message-ID from the outbox message id: {@code <id@domain>} (RFC 5322 msg-id). The
 * same message id gives the same Message-ID on every delivery attempt, so a receiver (or a person)
 * can recognise a re-delivery. Letters, digits, {@code -} and {@code _} are kept (a UUID passes
 * unchanged); every other byte of the id's UTF-8 form is written {@code =XX}, which keeps distinct
 * ids distinct and the result a valid dot-atom whatever the id holds.
 */
final class MessageIds {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private MessageIds() {}

    static String of(String id, String domain) {
        StringBuilder out = new StringBuilder(id.length() + domain.length() + 3).append('<');
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            if (kept(b)) {
                out.append((char) b);
            } else {
                out.append('=').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return out.append('@').append(domain).append('>').toString();
    }

    private static boolean kept(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '-' || b == '_';
    }
}
