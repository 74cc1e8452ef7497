package dev.userkit.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Reads the current row of a result set, converting ids, instants and JSON through the dialect. */
final class Row {
    private final ResultSet rs;
    private final SqlDialect dialect;

    Row(ResultSet rs, SqlDialect dialect) {
        this.rs = rs;
        this.dialect = dialect;
    }

    UUID uuid(String column) throws SQLException {
        return dialect.getUuid(rs, column);
    }

    Instant instant(String column) throws SQLException {
        return dialect.getInstant(rs, column);
    }

    String text(String column) throws SQLException {
        return rs.getString(column);
    }

    long number(String column) throws SQLException {
        return rs.getLong(column);
    }

    boolean bool(String column) throws SQLException {
        return rs.getBoolean(column);
    }

    Map<String, Object> json(String column) throws SQLException {
        return JsonCodec.readObject(rs.getString(column));
    }

    /** Maps one row to a value. */
    @FunctionalInterface
    interface Mapper<T> {
        T map(Row row) throws SQLException;
    }
}
