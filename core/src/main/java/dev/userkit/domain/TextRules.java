package dev.userkit.domain;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;

/**
 * Which characters a text input may hold (SEC-29), the same rule for every store:
 * <ul>
 *   <li><b>every text</b>, JSON strings included: no U+0000 (PostgreSQL cannot store it), no
 *       unpaired surrogate (the SQL stores would keep '?', MongoDB U+FFFD, so two inputs could
 *       become one) and no noncharacter (U+FDD0..U+FDEF, U+xxFFFE, U+xxFFFF);</li>
 *   <li><b>single-line fields</b> (first and last name, user agent, client address): also no
 *       control character (Cc), no line or paragraph separator and no format character (Cf,
 *       e.g. bidi overrides, zero-width space, BOM) except ZERO WIDTH NON-JOINER and ZERO WIDTH
 *       JOINER, which some scripts and emoji need;</li>
 *   <li><b>multi-line fields</b> (address, additional information, role description): as
 *       single-line, but tab, line feed and carriage return are allowed.</li>
 * </ul>
 * JSON strings keep other control characters: a JSON encoder escapes them and every store keeps
 * them exactly. Lengths are in code points; the caps are in {@link Limits}.
 */
public final class TextRules {
    /** Whether line breaks and tabs belong in a field. */
    public enum Lines {
        /** One line: no control characters at all. */
        SINGLE,
        /** Free text: tab, LF and CR allowed. */
        MULTI
    }

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    private TextRules() {}

    /**
     * Whether every store keeps this text exactly: no U+0000, no unpaired surrogate, no noncharacter.
     * Null is well formed (absent).
     *
     * @param s the text, or null
     * @return true if every store keeps it exactly
     */
    public static boolean isWellFormed(String s) {
        if (s == null) return true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) return false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) return false;
                if (isNoncharacter(s.codePointAt(i))) return false;
                i++;
            } else if (Character.isLowSurrogate(c) || isNoncharacter(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks an optional text field: null passes; otherwise well formed, at most {@code max}
     * code points, and only the characters {@code lines} allows.
     *
     * @param value the text, or null
     * @param what the field's name, for the message (never the value: it may be anything)
     * @param max the most code points allowed
     * @param lines which line breaks and control characters are allowed
     * @param code the error code to raise
     * @return {@code value}, unchanged
     * @throws UserKitException with {@code code} when the text breaks a rule
     */
    public static String check(String value, String what, int max, Lines lines, ErrorCode code) {
        if (value == null) return null;
        // the UTF-16 length bounds the code-point count from above and below by a factor of 2: megabytes stop here
        if (value.length() > 2L * max || value.codePointCount(0, value.length()) > max) {
            throw new UserKitException(code, what + " must have at most " + max + " characters");
        }
        if (!isWellFormed(value)) throw new UserKitException(code, what + " holds a NUL, an unpaired surrogate or a noncharacter");
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            i += Character.charCount(cp);
            if (!allowed(cp, lines)) throw new UserKitException(code, what + " holds a control or format character");
        }
        return value;
    }

    /**
     * The number of bytes of this (well-formed) text in UTF-8, without encoding it.
     *
     * @param s the text
     * @return its length in UTF-8 bytes
     */
    public static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n += 1;
            else if (c < 0x800) n += 2;
            else if (Character.isSurrogate(c)) n += 2; // a pair makes 4 bytes
            else n += 3;
        }
        return n;
    }

    private static boolean allowed(int cp, Lines lines) {
        int type = Character.getType(cp);
        if (type == Character.CONTROL) return lines == Lines.MULTI && (cp == '\t' || cp == '\n' || cp == '\r');
        if (type == Character.FORMAT) return cp == ZWNJ || cp == ZWJ;
        return type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }
}
