package dev.userkit.pages;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages' words in one language, from the bundle {@value #BUNDLE} (English root, German).
 * Like core's mail bundles, the fallback runs from the asked locale to the root bundle and never
 * reaches the JVM's default locale, which would show a server's own language to every visitor.
 */
final class PageWords {
    static final String BUNDLE = "dev.userkit.pages.pages";
    /** Locales seen in practice are few; a cap keeps made-up ones from growing the cache without end. */
    private static final int MAX_CACHED_LOCALES = 64;
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    private static final Map<Locale, Map<String, String>> CACHE = new ConcurrentHashMap<>();

    private PageWords() {}

    /** Every word of the bundle for a locale (null: the root, English). */
    static Map<String, String> of(Locale locale) {
        Locale l = locale == null ? Locale.ROOT : locale;
        Map<String, String> cached = CACHE.get(l);
        if (cached != null) return cached;
        Map<String, String> words = load(l);
        if (CACHE.size() < MAX_CACHED_LOCALES) CACHE.put(l, words);
        return words;
    }

    private static Map<String, String> load(Locale locale) {
        ResourceBundle bundle;
        try {
            bundle = ResourceBundle.getBundle(BUNDLE, locale, PageWords.class.getClassLoader(), CONTROL);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("The pages' bundle " + BUNDLE + " is missing from the classpath", e);
        }
        Map<String, String> words = new HashMap<>();
        for (String key : bundle.keySet()) words.put(key, bundle.getString(key));
        return Map.copyOf(words);
    }
}
