package dev.userkit.messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of one or more bundles in one locale, merged. Candidates run from the most specific
 * locale to the root bundle (de-AT, de, root) and never reach the JVM's default locale, which
 * would make a server's own language leak into other users' mail. The most specific candidate
 * wins; among bundles of the same candidate the later one (the application's) wins, so an
 * application's English override does not replace a shipped German text.
 */
final class LocalizedBundles {
    /** Locales seen in practice are few; a cap keeps made-up ones from growing the cache without end. */
    private static final int MAX_CACHED_LOCALES = 256;
    private static final ResourceBundle.Control CONTROL =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** A bundle base name (dotted, as for {@link ResourceBundle}) and the loader that sees it. */
    record Bundle(String baseName, ClassLoader loader) {}

    private final List<Bundle> bundles;
    private final Map<Locale, Map<String, String>> cache = new ConcurrentHashMap<>();

    /**
     * @param bundles the bundles, lowest priority first
     */
    LocalizedBundles(List<Bundle> bundles) {
        this.bundles = List.copyOf(bundles);
    }

    /** The merged words for a locale. */
    Map<String, String> words(Locale locale) {
        Map<String, String> cached = cache.get(locale);
        if (cached != null) return cached;
        Map<String, String> words = load(locale);
        if (cache.size() < MAX_CACHED_LOCALES) cache.put(locale, words);
        return words;
    }

    private Map<String, String> load(Locale locale) {
        List<Locale> candidates = new ArrayList<>(CONTROL.getCandidateLocales("", locale));
        Collections.reverse(candidates);
        Map<String, String> words = new HashMap<>();
        for (Locale candidate : candidates) {
            for (Bundle b : bundles) words.putAll(read(b, candidate));
        }
        return Map.copyOf(words);
    }

    private static Map<String, String> read(Bundle b, Locale candidate) {
        String resource = CONTROL.toResourceName(CONTROL.toBundleName(b.baseName(), candidate), "properties");
        try (InputStream in = b.loader().getResourceAsStream(resource)) {
            if (in == null) return Map.of();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> words = new HashMap<>();
            for (String key : p.stringPropertyNames()) words.put(key, p.getProperty(key));
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundle " + resource, e);
        }
    }
}
