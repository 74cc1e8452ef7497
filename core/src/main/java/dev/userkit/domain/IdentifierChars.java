package dev.userkit.domain;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.text.Normalizer;

/**
 * Character rules that usernames and emails share (SEC-23, SEC-29): the width mapping of RFC 8265,
 * and the code points that never belong in an identifier because a reader cannot see them or a
 * store cannot keep them (controls, format and bidi characters, unpaired surrogates, private use,
 * unassigned, spaces, default-ignorables such as variation selectors and Hangul fillers).
 */
final class IdentifierChars {
    private IdentifierChars() {}

    /** Full- and half-width forms mapped to their ordinary characters (RFC 8265 width mapping). */
    static String widthMap(String s) {
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

    /**
     * True for a code point no identifier may hold. Unassigned means unassigned in the JDK's
     * Unicode version: the JDK's case mapping and normalisation build the keys, and a character
     * they do not know could change its key when the JDK learns it.
     */
    static boolean isHidden(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
                    Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
                return true;
            }
            default -> {
                // letters and marks can be invisible too (U+115F HANGUL CHOSEONG FILLER, U+FE0F VARIATION SELECTOR-16)
                return UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                        || UCharacter.hasBinaryProperty(cp, UProperty.NONCHARACTER_CODE_POINT);
            }
        }
    }

    /** True if {@code s} holds a code point that {@link #isHidden} refuses. */
    static boolean anyHidden(String s) {
        return s.codePoints().anyMatch(IdentifierChars::isHidden);
    }

    /** True if NFKC leaves {@code s} as it is: no compatibility characters (𝐚, ᵃ, ①, ﬁ) that stand for others. */
    static boolean nfkcStable(String s) {
        return Normalizer.isNormalized(s, Normalizer.Form.NFKC);
    }
}
