package dev.userkit.launch;

import dev.userkit.config.ConfigException;
import dev.userkit.config.Settings;
import dev.userkit.spi.SchemaMode;
import java.nio.file.Path;

/**
 * The settings that say which database to work on and how (the README's "Server" table): the
 * server and the admin CLI read the same names, so the CLI acts on the database the server runs on.
 *
 * @param dataDir the folder holding the key ring file and the embedded PostgreSQL's data
 * @param store which store to open
 * @param schemaMode what opening the store does about its schema
 * @param rootUser the root user's name, created by the bootstrap
 * @param rootEmail the root user's email
 */
public record LaunchSettings(Path dataDir, StoreKind store, SchemaMode schemaMode, String rootUser, String rootEmail) {
    /** {@code USERKIT_SERVER_DATA_DIR}, {@code --data-dir}; default {@code ./userkit-data}. */
    public static final String DATA_DIR = "USERKIT_SERVER_DATA_DIR";
    /** {@code USERKIT_SERVER_STORE}, {@code --store}; default {@code embedded-postgres}. */
    public static final String STORE = "USERKIT_SERVER_STORE";
    /** {@code USERKIT_SERVER_SCHEMA}, {@code --schema}: migrate (default), validate or none. */
    public static final String SCHEMA = "USERKIT_SERVER_SCHEMA";
    /** {@code USERKIT_SERVER_ROOT_USER}; default {@code root}. */
    public static final String ROOT_USER = "USERKIT_SERVER_ROOT_USER";
    /** {@code USERKIT_SERVER_ROOT_EMAIL}; default {@code root@userkit.localhost}. */
    public static final String ROOT_EMAIL = "USERKIT_SERVER_ROOT_EMAIL";

    /**
     * Reads every setting, defaults where absent.
     *
     * @param s where to read
     * @return the settings
     * @throws ConfigException naming the variable if a value is malformed
     */
    public static LaunchSettings read(Settings s) {
        StoreKind store = s.value(STORE, StoreKind::parse).orElse(StoreKind.EMBEDDED_POSTGRES);
        SchemaMode schema = s.choice(SCHEMA, SchemaMode.class).orElse(SchemaMode.MIGRATE);
        return new LaunchSettings(Path.of(s.string(DATA_DIR).orElse("userkit-data")), store, schema,
                s.string(ROOT_USER).orElse("root"), s.string(ROOT_EMAIL).orElse("root@userkit.localhost"));
    }

    /**
     * The key ring file the server keeps in the data folder when {@code USERKIT_KEYS} is not set.
     *
     * @return {@code <data-dir>/keyring}
     */
    public Path keyRingFile() {
        return dataDir.resolve(KeyRingFile.NAME);
    }
}
