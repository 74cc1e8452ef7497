package dev.userkit.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Binds statement parameters one after another, converting ids and instants through the dialect. */
public final class Params {
    private final PreparedStatement ps;
    private final SqlDialect dialect;
    private int index = 1;
    private boolean unmatchable;

    Params(PreparedStatement ps, SqlDialect dialect) {
        this.ps = ps;
        this.dialect = dialect;
    }

    /**
     * Binds an id (null allowed).
     *
     * @param value the id, or null
     * @return these parameters
     * @throws SQLException if the driver refuses
     */
    public Params uuid(UUID value) throws SQLException {
        dialect.setUuid(ps, index++, value);
        return this;
    }

    /**
     * Binds an instant at millisecond precision, the precision every store keeps (null allowed).
     *
     * @param value the instant, or null
     * @return these parameters
     * @throws SQLException if the driver refuses
     */
    public Params instant(Instant value) throws SQLException {
        dialect.setInstant(ps, index++, value == null ? null : value.truncatedTo(ChronoUnit.MILLIS));
        return this;
    }

    /**
     * Binds text (null allowed).
     *
     * @param value the text, or null
     * @return these parameters
     * @throws SQLException if the driver refuses
     */
    public Params text(String value) throws SQLException {
        if (value == null) {
            ps.setNull(index++, Types.VARCHAR);
        } else if (!dialect.storesNulCharacter() && value.indexOf('\u0000') >= 0) {
            // such a value can never have been stored, so no row can match it
            unmatchable = true;
            ps.setString(index++, value.replace('\u0000', '\uFFFD'));
        } else {
            ps.setString(index++, value);
        }
        return this;
    }

    /**
     * Binds bytes (null allowed): {@code bytea} on PostgreSQL, a BLOB on MariaDB.
     *
     * @param value the bytes, or null
     * @return these parameters
     * @throws SQLException if the driver refuses
     */
    public Params bytes(byte[] value) throws SQLException {
        if (value == null) ps.setNull(index++, Types.VARBINARY);
        else ps.setBytes(index++, value);
        return this;
    }

    /** True if a bound text can match no stored row (it holds a character the database cannot store). */
    boolean unmatchable() {
        return unmatchable;
    }

    /**
     * Binds a long.
     *
     * @param value the number
     * @return these parameters
     * @throws SQLException if the driver refuses
     */
    public Params number(long value) throws SQLException {
        ps.setLong(index++, value);
        return this;
    }

    /**
     * Binds a double.
     *
     * @param value the number
     * @return these parameters
     * @throws SQLException if the driver refuses
     */
    public Params decimal(double value) throws SQLException {
        ps.setDouble(index++, value);
        return this;
    }

    /**
     * Binds a boolean.
     *
     * @param value the flag
     * @return these parameters
     * @throws SQLException if the driver refuses
     */
    public Params bool(boolean value) throws SQLException {
        ps.setBoolean(index++, value);
        return this;
    }
}
