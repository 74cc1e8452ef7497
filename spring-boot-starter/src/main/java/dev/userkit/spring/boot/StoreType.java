package dev.userkit.spring.boot;

/** Which store {@code userkit.store.type} names. */
public enum StoreType {
    /** The in-memory store: for tests and trying things out; everything is lost on stop. */
    MEMORY,
    /** PostgreSQL: {@code userkit.store.url} etc., or the application's {@code DataSource}. */
    POSTGRES,
    /** MariaDB: {@code userkit.store.url} etc., or the application's {@code DataSource}. */
    MARIADB,
    /** MongoDB: {@code userkit.store.url} and {@code userkit.store.database}, or the application's {@code MongoClient}. */
    MONGO
}
