package dev.userkit.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The blocklist of common and breached passwords (SEC-03): the password list nbvcxz ships in its
 * jar ({@code dictionaries/passwords.txt}, about 100,000 entries), loaded once on first use and
 * compared case-insensitively. The list is never copied into this repository.
 */
public final class CommonPasswords {
    /** The classpath resource inside the nbvcxz artifact. */
    static final String RESOURCE = "/dictionaries/passwords.txt";

    private CommonPasswords() {}

    // Lazy holder: the list costs a few MB and is only needed when a password is set.
    private static final class Holder {
        static final Set<String> ENTRIES = load();
    }

    /**
     * Whether the password (NFKC, any case) is on the list.
     *
     * @param password the password as entered
     * @return true if it is a common password
     */
    public static boolean contains(String password) {
        return Holder.ENTRIES.contains(fold(password));
    }

    /**
     * How many entries the list holds.
     *
     * @return the number of entries
     */
    public static int size() {
        return Holder.ENTRIES.size();
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("Password blocklist " + RESOURCE + " missing: is nbvcxz on the classpath?");
            Set<String> entries = new HashSet<>(200_000);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.strip();
                if (!t.isEmpty()) entries.add(fold(t));
            }
            return Set.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the password blocklist", e);
        }
    }
}
