package dev.userkit.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Settings by name, from environment variables, a properties file, a map or a chain of those.
 *
 * <p>Names are environment-variable names: upper case, words joined by {@code _}, starting with
 * {@code USERKIT_} (for example {@code USERKIT_SESSION_IDLE_TTL}). A properties file writes the
 * same name in lower case with every {@code _} turned into a dot
 * ({@code userkit.session.idle.ttl=30m}); see {@link #propertyKey(String)}. A blank value counts as
 * absent. In a chain ({@link #orElse(Settings)}) the first source that has a value wins.
 *
 * <p>The typed getters never throw a raw parsing exception: a bad value is a
 * {@link ConfigException} naming the variable, where it came from and, unless it is a secret, the
 * value. Durations are ISO-8601 ({@code PT30M}) or a whole number with a unit {@code ms},
 * {@code s}, {@code m}, {@code h} or {@code d} ({@code 30m}); booleans are {@code true} or
 * {@code false}; choices are an enum constant's name in any case.
 */
public final class Settings {
    /** The environment variable naming a properties file that {@link #standard()} reads after the environment. */
    public static final String CONFIG_FILE = "USERKIT_CONFIG_FILE";
    private static final String PREFIX = "USERKIT_";

    private final List<Source> sources;

    private Settings(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * No values at all: every getter answers empty.
     *
     * @return settings without any source
     */
    public static Settings empty() {
        return new Settings(List.of());
    }

    /**
     * Values keyed by their environment-variable names, e.g. for tests or an application's own configuration.
     *
     * @param values the values by name (copied; null and blank values count as absent)
     * @return settings over a copy of {@code values}
     */
    public static Settings of(Map<String, String> values) {
        return new Settings(List.of(new Source("given values", Collections.unmodifiableMap(new HashMap<>(values)), false)));
    }

    /**
     * The process environment.
     *
     * @return settings over {@link System#getenv()}
     */
    public static Settings environment() {
        return new Settings(List.of(new Source("environment", System.getenv(), false)));
    }

    /**
     * The properties file at {@code file} (ISO-8859-1 escapes as {@link Properties#load(Reader)}, read as UTF-8).
     *
     * @param file the properties file
     * @return settings over the file's keys, in dotted form ({@link #propertyKey(String)})
     * @throws ConfigException if the file cannot be read, or if it holds a key in environment form
     *                         ({@code USERKIT_...}), which would otherwise be silently ignored
     */
    public static Settings properties(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return properties(in, file.toString());
        } catch (IOException e) {
            throw new ConfigException(CONFIG_FILE, "Cannot read the UserKit properties file " + file + ": " + e);
        }
    }

    /**
     * Properties text read from {@code in} (e.g. a class-path resource); the caller closes {@code in}.
     *
     * @param in the properties text
     * @param origin where the text comes from, for error messages
     * @return settings over the text's keys, in dotted form
     * @throws ConfigException if the text cannot be read or holds a key in environment form ({@code USERKIT_...})
     */
    public static Settings properties(Reader in, String origin) {
        Properties props = new Properties();
        try {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(CONFIG_FILE, "Cannot read the UserKit properties " + origin + ": " + e);
        }
        return properties(props, origin);
    }

    /**
     * Properties already loaded.
     *
     * @param props the properties, keys in dotted form (copied)
     * @param origin where they come from, for error messages
     * @return settings over a copy of {@code props}
     * @throws ConfigException if a key is in environment form ({@code USERKIT_...})
     */
    public static Settings properties(Properties props, String origin) {
        Map<String, String> values = new HashMap<>();
        for (String key : props.stringPropertyNames()) {
            if (key.startsWith(PREFIX)) {
                throw new ConfigException(key, "The properties file " + origin + " holds " + key
                        + "; write it as " + propertyKey(key) + " (lower case, dots for underscores)");
            }
            values.put(key, props.getProperty(key));
        }
        return new Settings(List.of(new Source(origin, values, true)));
    }

    /**
     * The usual chain: the environment, then the properties file named by the environment variable
     * {@value #CONFIG_FILE} when it is set.
     *
     * @return the environment, then the named file
     * @throws ConfigException if {@value #CONFIG_FILE} names a file that cannot be read
     */
    public static Settings standard() {
        return environment().thenConfigFile();
    }

    /**
     * This chain, then the properties file that this chain's {@value #CONFIG_FILE} names.
     *
     * @return this chain followed by the named file; just this chain when it names none
     * @throws ConfigException if the named file cannot be read
     */
    public Settings thenConfigFile() {
        return string(CONFIG_FILE).map(file -> orElse(properties(Path.of(file)))).orElse(this);
    }

    /**
     * This chain, then {@code fallback} for the names this one has no value for.
     *
     * @param fallback the sources asked after this chain's
     * @return the longer chain (this one is unchanged)
     */
    public Settings orElse(Settings fallback) {
        List<Source> chain = new ArrayList<>(sources);
        chain.addAll(fallback.sources);
        return new Settings(chain);
    }

    /**
     * The key a properties file uses for a variable: {@code USERKIT_SESSION_IDLE_TTL} is {@code userkit.session.idle.ttl}.
     *
     * @param name the variable, in environment form ({@code USERKIT_...})
     * @return the name in lower case, every {@code _} a dot
     */
    public static String propertyKey(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /**
     * The text of a variable, stripped of surrounding blanks.
     *
     * @param name the variable, in environment form ({@code USERKIT_...})
     * @return the value, empty when absent or blank
     */
    public Optional<String> string(String name) {
        return find(name).map(Found::text);
    }

    /**
     * A whole number that fits an {@code int}.
     *
     * @param name the variable, in environment form ({@code USERKIT_...})
     * @return the value, empty when absent or blank
     * @throws ConfigException naming the variable, its source and the value, if the value is malformed
     */
    public Optional<Integer> integer(String name) {
        return typed(name, "a whole number", Integer::valueOf);
    }

    /**
     * {@code true} or {@code false}, in any case.
     *
     * @param name the variable, in environment form ({@code USERKIT_...})
     * @return the value, empty when absent or blank
     * @throws ConfigException naming the variable, its source and the value, if the value is malformed
     */
    public Optional<Boolean> bool(String name) {
        return typed(name, "true or false", text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException();
        });
    }

    /**
     * A duration, ISO-8601 ({@code PT30M}) or simple ({@code 30m}, {@code 1500ms}, {@code 7d}).
     *
     * @param name the variable, in environment form ({@code USERKIT_...})
     * @return the value, empty when absent or blank
     * @throws ConfigException naming the variable, its source and the value, if the value is malformed
     */
    public Optional<Duration> duration(String name) {
        return typed(name, DurationText.EXPECTED, DurationText::parse);
    }

    /**
     * A whole number of milliseconds (for the {@code ..._MS} variables).
     *
     * @param name the variable, in environment form ({@code USERKIT_...})
     * @return the value, empty when absent or blank
     * @throws ConfigException naming the variable, its source and the value, if the value is malformed
     */
    public Optional<Duration> millis(String name) {
        return typed(name, "a whole number of milliseconds", text -> Duration.ofMillis(Long.parseLong(text)));
    }

    /**
     * One of the constants of an enum, by name in any case.
     *
     * @param <E> the enum
     * @param name the variable, in environment form ({@code USERKIT_...})
     * @param type the enum's class
     * @return the value, empty when absent or blank
     * @throws ConfigException naming the variable, its source and the value, if the value is malformed
     */
    public <E extends Enum<E>> Optional<E> choice(String name, Class<E> type) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        return typed(name, "one of " + names, text -> Enum.valueOf(type, text.toUpperCase(Locale.ROOT)));
    }

    /**
     * A value read by {@code parser}, which throws {@link IllegalArgumentException} with a message
     * saying what is expected, completing "is not ..." (e.g. "a port from 1 to 65535"); the error
     * then shows the value too.
     *
     * @param <T> what the parser makes
     * @param name the variable, in environment form ({@code USERKIT_...})
     * @param parser turns the stripped text into the value
     * @return the value, empty when absent or blank
     * @throws ConfigException naming the variable, its source and the value, if the value is malformed
     */
    public <T> Optional<T> value(String name, Function<String, T> parser) {
        return find(name).map(found -> found.parse(parser, true));
    }

    /**
     * Like {@link #value}, for a secret (a key, a password): the error never shows the value, so the
     * parser's message must not either.
     *
     * @param <T> what the parser makes
     * @param name the variable, in environment form ({@code USERKIT_...})
     * @param parser turns the stripped text into the value; its message must not quote the text
     * @return the value, empty when absent or blank
     * @throws ConfigException naming the variable and its source, never the value, if the value is malformed
     */
    public <T> Optional<T> secret(String name, Function<String, T> parser) {
        return find(name).map(found -> found.parse(parser, false));
    }

    /**
     * Every {@code USERKIT_*} variable some source of this chain holds a value for (keys of a
     * properties file in their environment form), for showing the effective configuration.
     *
     * @return the names, sorted; never any value
     */
    public SortedSet<String> names() {
        SortedSet<String> names = new TreeSet<>();
        for (Source source : sources) {
            source.values().forEach((key, text) -> {
                String name = source.dotted() ? key.toUpperCase(Locale.ROOT).replace('.', '_') : key;
                if (name.startsWith(PREFIX) && text != null && !text.isBlank()) names.add(name);
            });
        }
        return names;
    }

    /**
     * Where the value of a variable comes from: the first source of this chain that holds it.
     *
     * @param name the variable, in environment form ({@code USERKIT_...})
     * @return e.g. {@code environment}, or {@code userkit.smtp.host in /etc/userkit.properties}; empty when absent
     */
    public Optional<String> origin(String name) {
        return find(name).map(Found::where);
    }

    private <T> Optional<T> typed(String name, String expected, Function<String, T> parser) {
        return find(name).map(found -> found.parse(text -> {
            try {
                return parser.apply(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(expected, e);
            }
        }, true));
    }

    private Optional<Found> find(String name) {
        for (Source source : sources) {
            Optional<Found> found = source.find(name);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    /** Which sources this chain reads, in order; never any value. */
    @Override
    public String toString() {
        return "Settings" + sources.stream().map(Source::origin).toList();
    }

    /** One source: its values, keyed by variable name or (for properties files) by {@link #propertyKey}. */
    private record Source(String origin, Map<String, String> values, boolean dotted) {
        Optional<Found> find(String name) {
            String key = dotted ? propertyKey(name) : name;
            String text = values.get(key);
            if (text == null || text.isBlank()) return Optional.empty();
            String where = dotted ? key + " in " + origin : origin;
            return Optional.of(new Found(name, where, text.strip()));
        }
    }

    /** A value found, with what the error message needs to say where it came from. */
    private record Found(String name, String where, String text) {
        <T> T parse(Function<String, T> parser, boolean showValue) {
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException e) {
                String shown = showValue ? name + "=" + text : name;
                throw new ConfigException(name, shown + " (" + where + ") is not " + e.getMessage());
            }
        }

        @Override
        public String toString() {
            return "Found[" + name + " from " + where + "]";
        }
    }
}
