package dev.userkit.store.mariadb;

import dev.userkit.store.jdbc.MetadataFilter;
import dev.userkit.store.jdbc.SqlDialect;
import dev.userkit.store.jdbc.SqlFragment;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.UUID;

/**
 * MariaDB: ids as CHAR(36) ascii_bin (sorts like the unsigned 128-bit id), UTC in DATETIME(3),
 * JSON (LONGTEXT) read with typed JSON functions, ON DUPLICATE KEY UPDATE ... RETURNING, DELETE and UPDATE ... LIMIT;
 * an UPDATE returns no rows.
 */
final class MariaDbDialect implements SqlDialect {
    static final MariaDbDialect INSTANCE = new MariaDbDialect();
    private static final int DUPLICATE_ENTRY = 1062;
    /** ER_NO_REFERENCED_ROW_2 and its older form ER_NO_REFERENCED_ROW: a child row without its parent. */
    private static final int NO_REFERENCED_ROW = 1452;
    private static final int ACCESS_DENIED = 1045;
    private static final int UNKNOWN_DATABASE = 1049;
    private static final int NO_REFERENCED_ROW_OLD = 1216;

    private MariaDbDialect() {}

    @Override
    public void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
        if (value == null) ps.setNull(index, Types.CHAR);
        else ps.setString(index, value.toString());
    }

    @Override
    public UUID getUuid(ResultSet rs, int column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : UUID.fromString(s);
    }

    @Override
    public void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        // DATETIME has no zone: we always write and read UTC, whatever the session time zone
        if (value == null) ps.setNull(index, Types.TIMESTAMP);
        else ps.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    @Override
    public Instant getInstant(ResultSet rs, int column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    @Override
    public String jsonParameter() {
        return "?";
    }

    @Override
    public SqlFragment metadataEquals(MetadataFilter f) {
        // compare the JSON type as well as the value, so "5", 5 and 5.5 stay distinct as on every store
        String unquoted = "JSON_UNQUOTE(JSON_EXTRACT(metadata, ?))";
        Object v = f.value();
        if (v instanceof String) {
            // JSON_CONTAINS compares the unescaped strings exactly; the text functions would fall back to utf8mb3
            return typed("STRING", "JSON_CONTAINS(metadata, ?, ?)", f, p -> p.text(f.valueJson()).text(f.jsonPath()));
        }
        if (v instanceof Long l) {
            return typed("INTEGER", "CAST(" + unquoted + " AS SIGNED) = ?", f, p -> p.text(f.jsonPath()).number(l));
        }
        if (v instanceof Double d) {
            return typed("DOUBLE", "CAST(" + unquoted + " AS DOUBLE) = ?", f, p -> p.text(f.jsonPath()).decimal(d));
        }
        return typed("BOOLEAN", unquoted + " = ?", f, p -> p.text(f.jsonPath()).text(v.toString()));
    }

    private static SqlFragment typed(String jsonType, String compare, MetadataFilter f, SqlFragment.Binding rest) {
        return new SqlFragment("(JSON_TYPE(JSON_EXTRACT(metadata, ?)) = '" + jsonType + "' AND " + compare + ")", p -> {
            p.text(f.jsonPath());
            rest.bind(p);
        });
    }

    @Override
    public String incrementAttempt() {
        // assignments run left to right: window_ends_at is still the old value in both conditions.
        // RETURNING (10.5+) gives the row as the update left it, so the count needs no transaction and read-back.
        return "INSERT INTO userkit_attempts (attempt_key, attempt_count, window_ends_at) VALUES (?, 1, ?) "
                + "ON DUPLICATE KEY UPDATE "
                + "attempt_count = IF(window_ends_at <= ?, 1, attempt_count + 1), "
                + "window_ends_at = IF(window_ends_at <= ?, VALUES(window_ends_at), window_ends_at) "
                + "RETURNING attempt_count, window_ends_at";
    }

    @Override
    public boolean incrementReturnsRow() {
        return true;
    }

    @Override
    public SqlFragment deleteLimited(String table, SqlFragment where, String orderBy, long limit) {
        return limited("DELETE FROM " + table, where, orderBy, limit);
    }

    @Override
    public SqlFragment updateLimited(String table, String assignments, SqlFragment where, String orderBy, long limit) {
        return limited("UPDATE " + table + " SET " + assignments, where, orderBy, limit);
    }

    // a DELETE or UPDATE reads the latest version of each row it locks, so a row changed concurrently
    // is judged by the condition as it now stands
    private static SqlFragment limited(String head, SqlFragment where, String orderBy, long limit) {
        return new SqlFragment(head + " WHERE " + where.sql() + " ORDER BY " + orderBy + " LIMIT ?", p -> {
            where.binding().bind(p);
            p.number(limit);
        });
    }

    @Override
    public boolean storesNulCharacter() {
        return true;
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return e.getErrorCode() == DUPLICATE_ENTRY;
    }

    @Override
    public boolean isForeignKeyViolation(SQLException e) {
        return e.getErrorCode() == NO_REFERENCED_ROW || e.getErrorCode() == NO_REFERENCED_ROW_OLD;
    }

    @Override
    public boolean failedStatementAbortsTransaction() {
        return false;
    }

    @Override
    public boolean isAuthenticationFailure(SQLException e) {
        return e.getErrorCode() == ACCESS_DENIED;
    }

    @Override
    public boolean isUnknownDatabase(SQLException e) {
        return e.getErrorCode() == UNKNOWN_DATABASE;
    }

    @Override
    public void limitConnectTime(Properties connectionProperties, Duration timeout) {
        // MariaDB Connector/J counts in milliseconds and bounds the socket connect and the handshake with it
        connectionProperties.setProperty("connectTimeout", Long.toString(timeout.toMillis()));
    }
}
