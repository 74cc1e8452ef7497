package dev.userkit.mail.smtp;

/**
 * The adapter's own check on every value it writes into a header or an SMTP command. Core's
 * {@code MailMessage} refuses control characters already; the adapter checks again, and checks its
 * own settings, so that it is never the weak link.
 */
final class HeaderText {
    private HeaderText() {}

    /**
     * The value itself, if it holds no control character (C0, DEL, C1) and no Unicode line or
     * paragraph separator.
     *
     * @throws MailHeaderException naming the field and the position, never the value (it may be an address)
     */
    static String safe(String value, String field) {
        int at = firstUnsafe(value);
        if (at >= 0) throw new MailHeaderException("The SMTP " + field + " holds a control character at index " + at);
        return value;
    }

    private static int firstUnsafe(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreaking = c == '\u2028' || c == '\u2029';
            if (Character.isISOControl(c) || lineBreaking) return i;
        }
        return -1;
    }
}
