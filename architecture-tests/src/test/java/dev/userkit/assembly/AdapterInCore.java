package dev.userkit.assembly;

import dev.userkit.store.postgres.PostgresSettings;

/** Deliberately breaks {@code CORE_KNOWS_NO_ADAPTER}: a core package using a store module. */
public class AdapterInCore {
    PostgresSettings settings;
}
