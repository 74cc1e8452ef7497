package dev.userkit.domain;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.text.SpoofChecker;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import java.text.Normalizer;
import java.util.Locale;

/**
 * A username, canonicalised after RFC 8265's UsernameCaseMapped profile (SEC-23): full- and
 * half-width characters mapped to their normal forms, lower case with {@link Locale#ROOT} (in
 * case-insensitive mode, the default), NFC. Refused: what RFC 8264's IdentifierClass disallows
 * (controls, format and zero-width characters, default-ignorables, spaces, symbols, titlecase
 * letters, letter-like numbers, conjoining Hangul jamo, unassigned code points), anything NFKC
 * would change (𝐚, ᵃ, 𝟏), overlay marks (U+0338), {@code @}, and what Unicode UTS #39 flags in
 * one name: scripts mixed beyond its Highly Restrictive level, digits of two numbering systems,
 * repeated or hidden marks. So a value of this type is always valid.
 *
 * <p>The {@linkplain #skeleton() skeleton} is the UTS #39 confusable skeleton of the key: names
 * that look alike ("scope" and the all-Cyrillic "ѕсоре", "admin" and "admın") share it, and the
 * stores keep it unique beside the key, so a look-alike of an existing name is a duplicate.
 *
 * @param value the name as shown: width-mapped and NFC, case kept as entered
 * @param key the uniqueness key the stores index: {@code value} lower-cased unless case-sensitive
 * @param skeleton {@link #skeletonOf(String) skeletonOf(key)}, also kept unique by the stores; null
 *        only for a name stored before skeletons existed whose skeleton another name already held
 */
public record Username(String value, String key, String skeleton) {
    /** Longest accepted name, in code points after canonicalisation. */
    public static final int MAX_LENGTH = 64;
    /** Longest skeleton, in UTF-16 units: the stores' column width (a skeleton may be longer than its key). */
    public static final int MAX_SKELETON_LENGTH = 255;

    // One checker for every thread: ICU documents its checks and skeletons as thread-safe.
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.INVISIBLE | SpoofChecker.MIXED_NUMBERS
                    | SpoofChecker.HIDDEN_OVERLAY)
            // one script, or Latin with Han and kana, Bopomofo or Hangul (how CJK names are written)
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
            .build();
    // canonical combining class 1: marks drawn through their base letter ("a̸"), which hide what it is
    private static final int OVERLAY = 1;

    /**
     * Canonicalises and validates; a bad name is {@link ErrorCode#INVALID_USERNAME}.
     *
     * @param raw the username as entered
     * @param caseSensitive whether the key keeps case ({@link dev.userkit.UserKitConfig#usernameCaseSensitive()})
     * @return the canonical username
     */
    public static Username of(String raw, boolean caseSensitive) {
        if (raw == null) throw invalid("User name is required");
        String mapped = Normalizer.normalize(IdentifierChars.widthMap(raw.strip()), Normalizer.Form.NFC);
        int length = mapped.codePointCount(0, mapped.length());
        if (length == 0 || length > MAX_LENGTH) throw invalid("User name must have 1 to " + MAX_LENGTH + " characters");
        checkCharacters(mapped);
        if (!IdentifierChars.nfkcStable(mapped)) throw invalid("User name may not contain compatibility characters");
        // the checks read the name as shown: "İlker" is fine, a hand-typed "i" + U+0307 hides its dot
        if (SPOOF.failsChecks(mapped)) throw invalid("User name may not mix scripts or numbering systems, or hide marks");
        String key = caseSensitive ? mapped : Normalizer.normalize(mapped.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        String skeleton = skeletonOf(key);
        if (skeleton.length() > MAX_SKELETON_LENGTH) throw invalid("User name is too long");
        return new Username(mapped, key, skeleton);
    }

    /**
     * The UTS #39 confusable skeleton of a username key: equal skeletons mean names a reader can
     * take for one another. Stores use it to back-fill names stored before skeletons existed.
     *
     * @param key a username key
     * @return its skeleton
     */
    public static String skeletonOf(String key) {
        return SPOOF.getSkeleton(key);
    }

    private static void checkCharacters(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '@') throw invalid("User name may not contain '@'");
            if (cp == '.' || cp == '_' || cp == '-') continue;
            if (IdentifierChars.isHidden(cp)) throw invalid("User name may not contain invisible or control characters");
            if (!identifierLetter(cp)) throw invalid("User name may contain letters, digits, '.', '_' and '-' only");
        }
    }

    // IdentifierClass's LetterDigits (Ll Lu Lo Lm Nd Mn Mc), less old Hangul jamo and overlays
    private static boolean identifierLetter(int cp) {
        switch (Character.getType(cp)) {
            case Character.LOWERCASE_LETTER, Character.UPPERCASE_LETTER, Character.OTHER_LETTER, Character.MODIFIER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER, Character.COMBINING_SPACING_MARK -> {
                return !isConjoiningJamo(cp);
            }
            case Character.NON_SPACING_MARK -> {
                return UCharacter.getCombiningClass(cp) != OVERLAY;
            }
            default -> {
                return false;
            }
        }
    }

    // RFC 8264's OldHangulJamo: jamo NFC did not compose into a syllable; precomposed syllables are fine
    private static boolean isConjoiningJamo(int cp) {
        int type = UCharacter.getIntPropertyValue(cp, UProperty.HANGUL_SYLLABLE_TYPE);
        return type == UCharacter.HangulSyllableType.LEADING_JAMO || type == UCharacter.HangulSyllableType.VOWEL_JAMO
                || type == UCharacter.HangulSyllableType.TRAILING_JAMO;
    }

    private static UserKitException invalid(String message) {
        return new UserKitException(ErrorCode.INVALID_USERNAME, message);
    }

    @Override
    public String toString() {
        return value;
    }
}
