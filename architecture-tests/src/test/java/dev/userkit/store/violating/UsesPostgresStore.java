package dev.userkit.store.violating;

import dev.userkit.store.postgres.PostgresSettings;

/** Deliberately breaks {@code STORES_ARE_INDEPENDENT}: one store module using another. */
public class UsesPostgresStore {
    PostgresSettings settings;
}
