package dev.userkit.domain;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * An email address (A13): trimmed, full- and half-width forms mapped (as for usernames) and
 * NFC-normalised, shown as entered, compared and kept unique case-insensitively through
 * {@link #key()}. Validation is deliberately plain (one {@code @}, non-empty local part, a dotted
 * domain, at most {@value #MAX_LENGTH} characters in the value and in the key): the verification
 * mail is the real check. What would make two addresses look the same is refused: controls,
 * format, bidi and zero-width characters, default-ignorables, spaces, unpaired surrogates,
 * private-use and unassigned code points, and compatibility characters NFKC would change (SEC-29).
 *
 * @param value the address as entered (trimmed, width-mapped, NFC)
 * @param key the lower-cased ({@link Locale#ROOT}) uniqueness key
 */
public record Email(String value, String key) {
    /** Longest accepted address (RFC 5321 path limit). */
    public static final int MAX_LENGTH = 254;
    private static final char FULL_WIDTH_AT = '\uFF20';

    /**
     * Normalises and validates; a bad address is {@link ErrorCode#INVALID_EMAIL}.
     *
     * @param raw the address as entered
     * @return the normalised address
     */
    public static Email of(String raw) {
        if (raw == null) throw invalid();
        String v = Normalizer.normalize(IdentifierChars.widthMap(raw.strip()), Normalizer.Form.NFC);
        int at = v.indexOf('@');
        if (v.isEmpty() || v.length() > MAX_LENGTH || at <= 0 || at != v.lastIndexOf('@')) throw invalid();
        String domain = v.substring(at + 1);
        if (domain.length() < 3 || !domain.contains(".") || domain.startsWith(".") || domain.endsWith(".")
                || domain.contains("..")) throw invalid();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isWhitespace(c) || c == '<' || c == '>' || c == ',' || c == ';'
                    || c == '"' || c == '\\' || c == '(' || c == ')' || c == '[' || c == ']') throw invalid();
        }
        if (IdentifierChars.anyHidden(v) || !IdentifierChars.nfkcStable(v)) throw invalid();
        // lower-casing can lengthen the text ("İ" becomes "i" + U+0307): the key must fit the stores too
        String key = v.toLowerCase(Locale.ROOT);
        if (key.length() > MAX_LENGTH) throw invalid();
        return new Email(v, key);
    }

    /**
     * Whether a string looks like an email (contains '@' or its full-width form, which {@link #of} maps); usernames never do.
     *
     * @param identifier a username or email as entered
     * @return true if it is to be read as an email
     */
    public static boolean looksLikeEmail(String identifier) {
        return identifier != null && (identifier.indexOf('@') >= 0 || identifier.indexOf(FULL_WIDTH_AT) >= 0);
    }

    /**
     * The part before '@', lower-cased; used to reject passwords built from it (SEC-03).
     *
     * @return the local part, lower-cased
     */
    public String localPart() {
        return key.substring(0, key.indexOf('@'));
    }

    private static UserKitException invalid() {
        return new UserKitException(ErrorCode.INVALID_EMAIL);
    }

    @Override
    public String toString() {
        return value;
    }
}
