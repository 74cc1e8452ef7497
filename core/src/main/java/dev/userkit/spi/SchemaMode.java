package dev.userkit.spi;

/** What a store does about its schema (tables, collections, indexes) when it starts (ST2); the same on every store. */
public enum SchemaMode {
    /** Apply pending migrations, or create missing collections and indexes (idempotent: nothing to do when current). */
    MIGRATE,
    /** Check that the schema is current (every migration applied and unchanged, every index present); fail fast otherwise. */
    VALIDATE,
    /** Touch nothing: a DBA applies the exported SQL or creates the indexes. */
    NONE
}
