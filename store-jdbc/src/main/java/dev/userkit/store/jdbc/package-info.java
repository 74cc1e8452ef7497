/**
 * The shared JDBC machinery of UserKit's SQL stores: one {@link dev.userkit.store.jdbc.SqlDatabase}
 * description (name, dialect, migrations, environment prefix, defaults, what a user space is) drives
 * the stores ({@link dev.userkit.store.jdbc.JdbcStores}), the start-up
 * ({@link dev.userkit.store.jdbc.SqlStoreStart}) and the Guice module
 * ({@link dev.userkit.store.jdbc.SqlStoreModule}).
 *
 * <h2>Which SQL is portable, and which belongs to the dialect</h2>
 * The statements in this package's stores use only SQL that the standard defines and both PostgreSQL
 * and MariaDB accept as written: {@code SELECT/INSERT/UPDATE/DELETE} with {@code WHERE},
 * {@code ORDER BY}, {@code JOIN}, {@code IN}, {@code CASE}, {@code COALESCE}, comparison and boolean
 * operators, {@code COUNT}, and {@code ?} parameters bound through the dialect's types. Everything
 * else is a method of {@link dev.userkit.store.jdbc.SqlDialect}, named after what it does, so that a
 * new database sees at once what it has to answer:
 * <ul>
 *   <li>row limits ({@code LIMIT ?}: {@code firstRows}), bounded deletes and updates
 *       ({@code deleteLimited}, {@code updateLimited});</li>
 *   <li>statements that return rows they change ({@code RETURNING}: {@code deleteReturning},
 *       {@code updateReturning}, and the attempt-counter upsert, {@code incrementAttempt});</li>
 *   <li>upserts ({@code ON CONFLICT}, {@code ON DUPLICATE KEY UPDATE});</li>
 *   <li>JSON parameters and access ({@code jsonParameter}, {@code metadataEquals});</li>
 *   <li>non-standard functions ({@code LEAST}, {@code IF}, ...): prefer a portable {@code CASE};</li>
 *   <li>types as JDBC sees them (ids, instants) and the meaning of error codes (unique and foreign-key
 *       violations, authentication failures, unknown databases, connect timeouts).</li>
 * </ul>
 * Where PostgreSQL and MariaDB agree on a non-standard form, it is the interface's default method, so
 * that neither dialect copies it and a third database overrides it. DDL is not shared at all: each
 * database ships its own versioned migrations.
 */
package dev.userkit.store.jdbc;
