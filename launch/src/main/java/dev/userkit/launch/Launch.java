package dev.userkit.launch;

import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.config.Settings;
import dev.userkit.spi.SchemaMode;
import dev.userkit.spi.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One database opened from the launch settings, the way the server and the CLI both open it: the
 * data folder (created 0700 if missing), the embedded PostgreSQL in {@code <data-dir>/pg} when it is
 * the chosen store, the store over it with the schema handled as asked, and the kit's configuration
 * with the key ring file of the data folder unless {@code USERKIT_KEYS} is set. {@link #close()}
 * closes the store, then stops the embedded PostgreSQL.
 */
public final class Launch implements AutoCloseable {
    private final Settings all;
    private final LaunchSettings settings;
    private final Stores stores;
    private final EmbeddedDatabase database;

    private Launch(Settings all, LaunchSettings settings, Stores stores, EmbeddedDatabase database) {
        this.all = all;
        this.settings = settings;
        this.stores = stores;
        this.database = database;
    }

    /**
     * Opens the store the settings name, with their schema mode.
     *
     * @param settings the launch settings
     * @param all every setting, for the store and kit modules to read their own from
     * @return the open database
     * @throws RuntimeException whatever failed to open, naming it; nothing stays open
     */
    public static Launch open(LaunchSettings settings, Settings all) {
        return open(settings, all, settings.schemaMode());
    }

    /**
     * Opens the store the settings name, doing {@code mode} about its schema.
     *
     * @param settings the launch settings
     * @param all every setting, for the store and kit modules to read their own from
     * @param mode migrate, validate (a StoreException when the schema is not current) or none
     * @return the open database
     * @throws RuntimeException whatever failed to open, naming it; nothing stays open
     */
    public static Launch open(LaunchSettings settings, Settings all, SchemaMode mode) {
        createDataDir(settings.dataDir());
        EmbeddedDatabase database = null;
        try {
            Settings storeSettings = all;
            if (settings.store() == StoreKind.EMBEDDED_POSTGRES) {
                database = EmbeddedDatabase.start(settings.dataDir().resolve("pg").toAbsolutePath());
                storeSettings = database.connection().orElse(all);
            }
            return new Launch(all, settings, StoreOpener.open(settings.store(), storeSettings, mode), database);
        } catch (RuntimeException e) {
            if (database != null) {
                try {
                    database.close();
                } catch (RuntimeException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    /**
     * The open store.
     *
     * @return the stores, closed by the kit built over them or by {@link #close()}
     */
    public Stores stores() {
        return stores;
    }

    /**
     * The kit's configuration from the settings ({@code USERKIT_*}), with the data folder's key ring
     * file (made if missing) when {@code USERKIT_KEYS} is not set.
     *
     * @return a builder to add to or build
     */
    public UserKitConfig.Builder config() {
        UserKitConfig.Builder config = UserKitConfig.builder(all);
        if (all.string(UserKitConfig.KEYS).isEmpty()) config.keyRing(KeyRingFile.loadOrCreate(settings.dataDir()));
        return config;
    }

    /**
     * A kit builder over the open store with {@link #config()}.
     *
     * @return a builder to add a mailer, links and hooks to, or to build
     */
    public UserKit.Builder kit() {
        return UserKit.builder().stores(stores).config(config().build());
    }

    /** Closes the store (again, if a kit closed it: closing is idempotent), then stops the embedded PostgreSQL. */
    @Override
    public void close() {
        try {
            stores.close();
        } finally {
            if (database != null) database.close();
        }
    }

    private static void createDataDir(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data folder " + dir.toAbsolutePath(), e);
        }
    }
}
