package dev.userkit.spi;

/** Refuses values that would break out of a mail header: CR, LF and every other control character. */
final class HeaderValues {
    private HeaderValues() {}

    static void require(String value, String field) {
        if (value == null) throw new NullPointerException(field);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException("The " + field + " of a message holds a control character at index " + i);
            }
        }
    }
}
