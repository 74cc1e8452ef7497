package dev.userkit.domain;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * The languages a user may store (M3): well-formed BCP 47 language tags of at most
 * {@link Limits#LANGUAGE_TAG} characters, with a language. The stores keep the tag, so a stored
 * locale reads back equal to the one written.
 */
public final class LanguageTags {
    private LanguageTags() {}

    /**
     * Checks a locale a user is to store.
     *
     * @param locale the locale, or null for none
     * @return the same locale, or null
     * @throws UserKitException INVALID_LOCALE (1016) if it has no language, its tag is too long, or
     *         it does not read back from its own tag (a locale built from ill-formed parts)
     */
    public static Locale check(Locale locale) {
        if (locale == null) return null;
        String tag = locale.toLanguageTag();
        if (locale.getLanguage().isEmpty() || tag.length() > Limits.LANGUAGE_TAG || !Locale.forLanguageTag(tag).equals(locale)) {
            throw new UserKitException(ErrorCode.INVALID_LOCALE, "Not a storable language tag: " + tag);
        }
        return locale;
    }

    /**
     * Reads a language tag as entered, such as {@code de-AT} (an HTTP form, a CLI option).
     *
     * @param tag the tag
     * @return the locale
     * @throws UserKitException INVALID_LOCALE (1016) if the tag is null, malformed or fails {@link #check(Locale)}
     */
    public static Locale parse(String tag) {
        if (tag == null || tag.length() > Limits.LANGUAGE_TAG) throw new UserKitException(ErrorCode.INVALID_LOCALE, "Not a language tag");
        try {
            return check(new Locale.Builder().setLanguageTag(tag).build());
        } catch (IllformedLocaleException e) {
            throw new UserKitException(ErrorCode.INVALID_LOCALE, "Not a language tag");
        }
    }
}
