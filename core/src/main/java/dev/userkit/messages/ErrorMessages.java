package dev.userkit.messages;

import dev.userkit.ErrorCode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The error codes' messages in one language (H1, M3), for an application that shows a
 * {@link dev.userkit.UserKitException}'s outcome to its user: {@code ErrorMessages.of(locale).message(code)}.
 * The shipped bundle {@code dev.userkit.errors} holds every {@link ErrorCode#messageKey()} in English
 * and German; a language is added with one file {@code dev/userkit/errors_xx.properties}.
 */
public final class ErrorMessages {
    /** The shipped bundle's base name. */
    public static final String SHIPPED_BUNDLE = "dev.userkit.errors";
    private static final LocalizedBundles SHIPPED = new LocalizedBundles(
            List.of(new LocalizedBundles.Bundle(SHIPPED_BUNDLE, ErrorMessages.class.getClassLoader())));

    private final Locale locale;
    private final Map<String, String> words;

    private ErrorMessages(Locale locale, Map<String, String> words) {
        this.locale = locale;
        this.words = words;
    }

    /**
     * The shipped messages in a language, falling back as far as the root bundle (English).
     *
     * @param locale the language; null for the root bundle
     * @return the messages
     */
    public static ErrorMessages of(Locale locale) {
        Locale l = locale == null ? Locale.ROOT : locale;
        return new ErrorMessages(l, SHIPPED.words(l));
    }

    /**
     * The messages of the application's own bundle over the shipped ones: for each locale
     * candidate the application's key wins over the shipped one.
     *
     * @param locale the language; null for the root bundle
     * @param baseName the application's bundle base name, dotted (such as {@code com.acme.errors})
     * @param loader the class loader that sees the application's bundle
     * @return the messages
     */
    public static ErrorMessages of(Locale locale, String baseName, ClassLoader loader) {
        Objects.requireNonNull(baseName, "baseName");
        Objects.requireNonNull(loader, "loader");
        Locale l = locale == null ? Locale.ROOT : locale;
        LocalizedBundles bundles = new LocalizedBundles(List.of(
                new LocalizedBundles.Bundle(SHIPPED_BUNDLE, ErrorMessages.class.getClassLoader()),
                new LocalizedBundles.Bundle(baseName, loader)));
        return new ErrorMessages(l, bundles.words(l));
    }

    /**
     * The language asked for.
     *
     * @return the locale
     */
    public Locale locale() {
        return locale;
    }

    /**
     * A code's message, safe to show to an end user.
     *
     * @param code the error code
     * @return the translated message, or the code's English {@link ErrorCode#defaultMessage()} if no bundle has its key
     */
    public String message(ErrorCode code) {
        return words.getOrDefault(code.messageKey(), code.defaultMessage());
    }
}
