package dev.userkit.domain;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A username, canonicalised after RFC 8265's UsernameCaseMapped profile (SEC-23): full- and
 * half-width characters mapped to their normal forms, lower case with {@link Locale#ROOT} (in
 * case-insensitive mode, the default), NFC. Control, format (zero-width), space and symbol
 * characters, {@code @} and letters of more than one script are refused, so a value of this
 * type is always valid.
 *
 * @param value the name as shown: width-mapped and NFC, case kept as entered
 * @param key the uniqueness key the stores index: {@code value} lower-cased unless case-sensitive
 */
public record Username(String value, String key) {
    /** Longest accepted name, in code points after canonicalisation. */
    public static final int MAX_LENGTH = 64;

    /** Canonicalises and validates; a bad name is {@link ErrorCode#INVALID_USERNAME}. */
    public static Username of(String raw, boolean caseSensitive) {
        if (raw == null) throw invalid("User name is required");
        String mapped = Normalizer.normalize(widthMap(raw.strip()), Normalizer.Form.NFC);
        int length = mapped.codePointCount(0, mapped.length());
        if (length == 0 || length > MAX_LENGTH) throw invalid("User name must have 1 to " + MAX_LENGTH + " characters");
        checkCharacters(mapped);
        String key = caseSensitive ? mapped : Normalizer.normalize(mapped.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        return new Username(mapped, key);
    }

    private static String widthMap(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (Character.UnicodeBlock.of(cp) == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS) {
                b.append(Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC));
            } else {
                b.appendCodePoint(cp);
            }
        });
        return b.toString();
    }

    private static void checkCharacters(String s) {
        Character.UnicodeScript script = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '@') throw invalid("User name may not contain '@'");
            if (cp == '.' || cp == '_' || cp == '-') continue;
            int type = Character.getType(cp);
            boolean letterOrDigit = Character.isLetterOrDigit(cp)
                    || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
            if (!letterOrDigit) throw invalid("User name may contain letters, digits, '.', '_' and '-' only");
            Character.UnicodeScript s2 = Character.UnicodeScript.of(cp);
            if (s2 == Character.UnicodeScript.COMMON || s2 == Character.UnicodeScript.INHERITED) continue;
            if (script == null) script = s2;
            else if (script != s2) throw invalid("User name may not mix scripts");
        }
    }

    private static UserKitException invalid(String message) {
        return new UserKitException(ErrorCode.INVALID_USERNAME, message);
    }

    @Override
    public String toString() {
        return value;
    }
}
