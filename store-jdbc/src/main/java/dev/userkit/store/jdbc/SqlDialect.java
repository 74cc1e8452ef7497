package dev.userkit.store.jdbc;

import dev.userkit.spi.RevocationFeed;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The few things in which the SQL databases differ: column types as JDBC sees them, JSON
 * parameters and filters, the attempt-counter upsert, bounded deletes and updates, rows returned by
 * an UPDATE, and error codes. Everything
 * else (statements, mapping, transactions) is shared by {@link JdbcStores}; the package
 * documentation says which SQL is portable and which belongs here.
 */
public interface SqlDialect {
    /**
     * Binds an id (null allowed).
     *
     * @param ps the statement
     * @param index the parameter's position, from 1
     * @param value the id, or null
     * @throws SQLException if the driver refuses
     */
    void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException;

    /**
     * Reads an id column (null stays null).
     *
     * @param rs the result set, on a row
     * @param column the column's position, from 1
     * @return the id, or null
     * @throws SQLException if the driver refuses
     */
    UUID getUuid(ResultSet rs, int column) throws SQLException;

    /**
     * Binds an instant, already truncated to milliseconds, as UTC (null allowed).
     *
     * @param ps the statement
     * @param index the parameter's position, from 1
     * @param value the instant, or null
     * @throws SQLException if the driver refuses
     */
    void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException;

    /**
     * Reads a UTC timestamp column (null stays null).
     *
     * @param rs the result set, on a row
     * @param column the column's position, from 1
     * @return the instant, or null
     * @throws SQLException if the driver refuses
     */
    Instant getInstant(ResultSet rs, int column) throws SQLException;

    /**
     * The placeholder for a JSON text parameter, e.g. {@code CAST(? AS jsonb)}.
     *
     * @return the placeholder
     */
    String jsonParameter();

    /**
     * A condition on {@code metadata} matching users whose top-level field equals the filter's scalar
     * with its JSON type; the field and value are bound as parameters, never written into the SQL.
     *
     * @param filter the field and value
     * @return the condition with its parameters
     */
    SqlFragment metadataEquals(MetadataFilter filter);

    /**
     * One statement that upserts the attempt counter: parameters key, now + window (new window
     * end), now, now. See {@link #incrementReturnsRow()}.
     *
     * @return the statement
     */
    String incrementAttempt();

    /**
     * True if {@link #incrementAttempt()} returns (count, window_ends_at) itself; false to read it back in the same transaction.
     *
     * @return whether the statement returns the row
     */
    boolean incrementReturnsRow();

    /**
     * A DELETE of at most {@code limit} rows of {@code table} matching {@code where}, taken in
     * {@code orderBy} order, so that a purge takes short locks (S7). {@code orderBy} ends with a
     * unique column, so the batch is deterministic (statement-based replication needs that), and it
     * is the order of the index that serves {@code where}: the database then reads the index range
     * only until it has the limit, instead of sorting every match. A row that a concurrent
     * transaction changed after the batch was chosen is deleted only if it still matches
     * {@code where} (a session whose expiry was just extended stays).
     *
     * @param table the table
     * @param where the condition and its binding
     * @param orderBy the ORDER BY list
     * @param limit the most rows to delete
     * @return the statement and the binding of all its parameters
     */
    SqlFragment deleteLimited(String table, SqlFragment where, String orderBy, long limit);

    /**
     * The statements of a purge of expired sessions that walks {@code userkit_sessions} by ranges of
     * heap blocks, where the database can read such a range directly (PostgreSQL 14 and later: a TID
     * range scan); empty, the default, to walk the table in primary-key order instead, which is the
     * order of its pages where the table is clustered by its key (InnoDB). Either way each step writes
     * each page it touches once (issue 9, goal 6).
     *
     * @return the block-range statements, or empty
     */
    default Optional<HeapWalkStatements> heapWalk() {
        return Optional.empty();
    }

    /**
     * An UPDATE of at most {@code limit} rows of {@code table} matching {@code where}, taken in
     * {@code orderBy} order, for the same reasons and with the same rules as {@link #deleteLimited}:
     * short locks, a deterministic batch read off the index that serves {@code where}, and a row that a
     * concurrent transaction changed meanwhile updated only if it still matches {@code where}.
     * {@code assignments} may name columns that {@code where} tests: they are written in an order in
     * which each reads only columns not assigned before it (MariaDB reads a column assigned earlier in
     * the same UPDATE at its new value, PostgreSQL at its old one).
     *
     * @param table the table
     * @param assignments the SET list, constant SQL without parameters
     * @param where the condition and its binding
     * @param orderBy the ORDER BY list
     * @param limit the most rows to update
     * @return the statement and the binding of all its parameters
     */
    SqlFragment updateLimited(String table, String assignments, SqlFragment where, String orderBy, long limit);

    /**
     * {@code update}, an UPDATE statement, made to return the {@code columns} of the rows it changed as it
     * left them ({@code UPDATE ... RETURNING} on PostgreSQL), so that a guarded update and the read of its
     * outcome are one statement. Empty, the default, where an UPDATE returns no rows (MariaDB has
     * {@code RETURNING} on INSERT and DELETE only): the store then updates and reads the row back in one
     * transaction, whose row lock keeps the read to exactly that update.
     *
     * @param update the UPDATE statement, with {@code ?} placeholders
     * @param columns the columns to return, comma-separated
     * @return the statement with the returned columns, or empty
     */
    default Optional<String> updateReturning(String update, String columns) {
        return Optional.empty();
    }

    /**
     * The clause after an {@code ORDER BY} that keeps only the first {@code ?} rows, its parameter bound
     * last. The default, {@code LIMIT ?}, is what PostgreSQL and MariaDB accept; a database that
     * speaks only the standard's {@code FETCH FIRST ? ROWS ONLY} overrides it.
     *
     * @return the clause, with one {@code ?}
     */
    default String firstRows() {
        return "LIMIT ?";
    }

    /**
     * One statement that deletes the rows of {@code table} matching {@code where} and returns their
     * {@code columns}, so that of two racing deletes only one gets the row (REL-1): {@code DELETE ...
     * RETURNING}, the default, on PostgreSQL and MariaDB 10.5+ (the oldest MariaDB this store supports);
     * a database without it overrides this.
     *
     * @param table the table
     * @param where the condition, with {@code ?} placeholders
     * @param columns the columns to return, comma-separated
     * @return the statement
     */
    default String deleteReturning(String table, String where, String columns) {
        return "DELETE FROM " + table + " WHERE " + where + " RETURNING " + columns;
    }

    /**
     * False if text columns cannot hold U+0000 (PostgreSQL); a lookup by such a value then matches nothing.
     *
     * @return whether text columns can store the NUL character
     */
    boolean storesNulCharacter();

    /**
     * True if the exception is a unique-key violation.
     *
     * @param e the exception
     * @return whether it is a unique-key violation
     */
    boolean isUniqueViolation(SQLException e);

    /**
     * True if the exception is a foreign-key violation of a child row (its parent does not exist).
     *
     * @param e the exception
     * @return whether it is a foreign-key violation
     */
    boolean isForeignKeyViolation(SQLException e);

    /**
     * True if a failed statement spoils the whole transaction (PostgreSQL), so that statements in
     * a unit of work that can be refused for a key (writes other than deletes) run under a savepoint
     * and a caught duplicate does not doom the rest.
     *
     * @return whether statements need savepoints
     */
    boolean failedStatementAbortsTransaction();

    /**
     * Whether the server refused the user or password (PostgreSQL 28P01/28000, MariaDB 1045).
     *
     * @param e a driver's exception
     * @return true for an authentication failure
     */
    boolean isAuthenticationFailure(SQLException e);

    /**
     * Whether the database named in the URL does not exist (PostgreSQL 3D000, MariaDB 1049).
     *
     * @param e a driver's exception
     * @return true for an unknown database
     */
    boolean isUnknownDatabase(SQLException e);

    /**
     * Sets the driver's connection properties that bound opening one connection (socket connect and login).
     *
     * @param connectionProperties the properties the connection is opened with
     * @param timeout the bound
     */
    void limitConnectTime(Properties connectionProperties, Duration timeout);

    /**
     * The database's announcements of revocations over this data source, if it makes any (PostgreSQL's
     * LISTEN/NOTIFY); empty, the default, for none: a validation cache then sees other instances'
     * revocations only after its staleness window.
     *
     * @param dataSource where the feed takes its listening connection from, only while subscribed
     * @return the feed, or empty
     */
    default Optional<RevocationFeed> revocationFeed(DataSource dataSource) {
        return Optional.empty();
    }
}
