package dev.userkit.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the current row of a result set, converting ids, instants and JSON through the dialect,
 * each column by its position in the result's {@link ColumnIndex}. A {@link #prefixed} view reads
 * the columns a join selected under an alias ({@code u.id AS u_id}), so that one table's mapping
 * serves its own store and the joins alike.
 */
final class Row {
    private final ResultSet rs;
    private final SqlDialect dialect;
    private final ColumnIndex columns;

    /** The rows of {@code rs}, its columns found by {@code columns}. */
    Row(ResultSet rs, SqlDialect dialect, ColumnIndex columns) {
        this.rs = rs;
        this.dialect = dialect;
        this.columns = columns;
    }

    /** No rows: what a statement that can match nothing reads, without running it. */
    static Row none(SqlDialect dialect) {
        return new Row(null, dialect, null);
    }

    /** The same cursor, reading column {@code c} as {@code columnPrefix + c}. */
    Row prefixed(String columnPrefix) {
        return new Row(rs, dialect, columns.under(columnPrefix));
    }

    /** Moves to the next row; false when there is none. */
    boolean next() throws SQLException {
        return rs != null && rs.next();
    }

    UUID uuid(String column) throws SQLException {
        return dialect.getUuid(rs, at(column));
    }

    Instant instant(String column) throws SQLException {
        return dialect.getInstant(rs, at(column));
    }

    String text(String column) throws SQLException {
        return rs.getString(at(column));
    }

    long number(String column) throws SQLException {
        return rs.getLong(at(column));
    }

    byte[] bytes(String column) throws SQLException {
        return rs.getBytes(at(column));
    }

    boolean bool(String column) throws SQLException {
        return rs.getBoolean(at(column));
    }

    Map<String, Object> json(String column) throws SQLException {
        return JsonCodec.readObject(rs.getString(at(column)));
    }

    private int at(String column) throws SQLException {
        return columns.position(rs, column);
    }

    /** Maps one row to a value. */
    @FunctionalInterface
    interface Mapper<T> {
        T map(Row row) throws SQLException;
    }

    /** Reads a whole result set, moving through it with {@link #next()}: several rows make one value. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Row rows) throws SQLException;
    }
}
