package dev.userkit.store.jdbc;

/** What a store does about its schema when it starts (ST2). */
public enum SchemaMode {
    /** Apply pending migrations (idempotent: nothing to do when current). */
    MIGRATE,
    /** Check that every migration is applied and unchanged; fail fast otherwise. */
    VALIDATE,
    /** Touch nothing: a DBA applies the exported SQL. */
    NONE
}
