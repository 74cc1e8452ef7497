package dev.userkit.spring.boot;

import dev.userkit.config.ConfigException;
import dev.userkit.config.Settings;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The {@code userkit.*} properties of a Spring environment as core's {@link Settings}, so that core's
 * and the modules' own readers parse and check them: {@code userkit.session.idle-ttl} (or
 * {@code userkit.session-idle-ttl}) is {@code USERKIT_SESSION_IDLE_TTL}. It remembers the property
 * each setting came from, so that a {@link ConfigException} naming {@code USERKIT_SESSION_IDLE_TTL}
 * becomes a {@link UserKitPropertyException} naming the property as the application wrote it.
 */
final class EnvironmentSettings {
    private static final String PREFIX = "userkit.";
    /** The starter's own groups, bound to {@link UserKitProperties}, never core settings. */
    private static final Set<String> OWN = Set.of("store", "http", "background");

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> properties = new HashMap<>();

    private EnvironmentSettings() {}

    static EnvironmentSettings of(ConfigurableEnvironment environment) {
        EnvironmentSettings s = new EnvironmentSettings();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> names)) continue;
            for (String property : names.getPropertyNames()) {
                String name = settingName(property);
                // the first source holding a name is the one Spring's precedence puts first
                if (name != null && !s.values.containsKey(name)) s.put(name, property, environment.getProperty(property));
            }
        }
        return s;
    }

    /** The setting a property stands for, or null for a property that is not a core setting. */
    static String settingName(String property) {
        if (property.startsWith("USERKIT_")) return property;
        if (!property.startsWith(PREFIX) || property.contains("[")) return null;
        String rest = property.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        if (OWN.contains(dot < 0 ? rest : rest.substring(0, dot))) return null;
        return "USERKIT_" + rest.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** Adds a value under a setting's name, naming the property it came from in errors. */
    void put(String name, String property, String value) {
        if (value == null) return;
        values.put(name, value);
        properties.put(name, property);
    }

    Settings settings() {
        return Settings.of(values);
    }

    /** Runs a reader over these settings, its errors naming the application's property. */
    <T> T read(Supplier<T> reader) {
        try {
            return reader.get();
        } catch (ConfigException e) {
            String property = properties.getOrDefault(e.setting(), propertyOf(e.setting()));
            String message = e.getMessage().replace(e.setting(), property).replace(" (given values)", "");
            throw new UserKitPropertyException(property, message, e);
        }
    }

    /** The property a setting nobody set would be written as, for an error about a missing one. */
    private static String propertyOf(String setting) {
        return setting.startsWith("USERKIT_") ? PREFIX + setting.substring(8).toLowerCase(Locale.ROOT).replace('_', '-') : setting;
    }
}
