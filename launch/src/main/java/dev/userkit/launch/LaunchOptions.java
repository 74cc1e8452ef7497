package dev.userkit.launch;

import dev.userkit.config.Settings;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The flags that choose the database, shared by the server's and the CLI's command lines (a
 * picocli mixin). Each stands for one {@code USERKIT_*} variable and wins over it: {@link #flags()}
 * puts the flags given in front of the environment, so every module reads one chain.
 */
public final class LaunchOptions {
    @Option(names = "--data-dir", paramLabel = "DIR", description = "key ring and embedded PostgreSQL data (USERKIT_SERVER_DATA_DIR; default ./userkit-data)")
    String dataDir;
    @Option(names = "--store", paramLabel = "STORE", converter = StoreKindConverter.class,
            description = "embedded-postgres, postgres, mariadb or mongo (USERKIT_SERVER_STORE; default embedded-postgres)")
    StoreKind store;
    @Option(names = "--db-url", paramLabel = "URL", description = "the store's connection string (USERKIT_PG_URL, USERKIT_MARIADB_URL or USERKIT_MONGO_URI)")
    String dbUrl;
    @Option(names = "--schema", paramLabel = "MODE", description = "migrate, validate or none (USERKIT_SERVER_SCHEMA; default migrate)")
    String schema;

    /** Made by picocli. */
    public LaunchOptions() {}

    /**
     * The flags given, under the names of the variables they stand for.
     *
     * @return the flags as settings, in their order on the command line's declaration
     */
    public Map<String, String> flags() {
        Map<String, String> m = new LinkedHashMap<>();
        if (dataDir != null) m.put(LaunchSettings.DATA_DIR, dataDir);
        if (store != null) m.put(LaunchSettings.STORE, store.flagValue());
        if (schema != null) m.put(LaunchSettings.SCHEMA, schema);
        if (dbUrl != null) {
            StoreKind kind = store != null ? store
                    : Settings.standard().value(LaunchSettings.STORE, StoreKind::parse).orElse(StoreKind.EMBEDDED_POSTGRES);
            kind.connectionSetting().ifPresent(name -> m.put(name, dbUrl));
        }
        return m;
    }

    /**
     * Fails when {@code --db-url} is given for the embedded PostgreSQL, which has no connection string.
     *
     * @param command the command line, for the usage error
     * @param chosen the store the settings chose
     * @throws ParameterException naming {@code --db-url}
     */
    public void checkDbUrl(CommandLine command, StoreKind chosen) {
        if (dbUrl != null && chosen.connectionSetting().isEmpty()) {
            throw new ParameterException(command, "--db-url needs --store postgres, mariadb or mongo");
        }
    }

    /**
     * The flag that stands for a setting, for a usage error about a bad value.
     *
     * @param spec the command whose options to search
     * @param setting the variable named by the error
     * @param flags the flags given ({@link #flags()} and the command's own)
     * @return e.g. {@code "--port: "}, or nothing when the value came from the environment (the message names it)
     */
    public static String flagOf(CommandSpec spec, String setting, Map<String, String> flags) {
        if (!flags.containsKey(setting)) return "";
        return spec.options().stream().filter(o -> o.description().length > 0 && o.description()[0].contains(setting))
                .map(o -> o.longestName() + ": ").findFirst().orElse("");
    }

    /** {@code --store} by its command-line names. */
    public static final class StoreKindConverter implements CommandLine.ITypeConverter<StoreKind> {
        /** Made by picocli. */
        public StoreKindConverter() {}

        @Override
        public StoreKind convert(String value) {
            try {
                return StoreKind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
