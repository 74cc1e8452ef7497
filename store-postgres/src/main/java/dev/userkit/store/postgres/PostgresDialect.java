package dev.userkit.store.postgres;

import dev.userkit.spi.RevocationFeed;
import dev.userkit.store.jdbc.HeapWalkStatements;
import dev.userkit.store.jdbc.MetadataFilter;
import dev.userkit.store.jdbc.SqlDialect;
import dev.userkit.store.jdbc.SqlFragment;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** PostgreSQL: native uuid, timestamptz, jsonb with containment, ON CONFLICT ... RETURNING, UPDATE ... RETURNING. */
final class PostgresDialect implements SqlDialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    // invalid password, invalid authorization specification (unknown role, pg_hba refusal)
    private static final Set<String> AUTHENTICATION_FAILURES = Set.of("28P01", "28000");
    private static final String INVALID_CATALOG_NAME = "3D000";

    private PostgresDialect() {}

    @Override
    public void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
        if (value == null) ps.setNull(index, Types.OTHER);
        else ps.setObject(index, value);
    }

    @Override
    public UUID getUuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    @Override
    public void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        else ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }

    @Override
    public Instant getInstant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    @Override
    public String jsonParameter() {
        return "CAST(? AS jsonb)";
    }

    @Override
    public SqlFragment metadataEquals(MetadataFilter f) {
        // @> can use the GIN index; the exact comparison then rules out an array merely containing the value
        return new SqlFragment("(metadata @> CAST(? AS jsonb) AND metadata -> ? = CAST(? AS jsonb))",
                p -> p.text(f.objectJson()).text(f.field()).text(f.valueJson()));
    }

    @Override
    public String incrementAttempt() {
        return "INSERT INTO userkit_attempts AS a (attempt_key, attempt_count, window_ends_at) VALUES (?, 1, ?) "
                + "ON CONFLICT (attempt_key) DO UPDATE SET "
                + "attempt_count = CASE WHEN a.window_ends_at <= ? THEN 1 ELSE a.attempt_count + 1 END, "
                + "window_ends_at = CASE WHEN a.window_ends_at <= ? THEN EXCLUDED.window_ends_at ELSE a.window_ends_at END "
                + "RETURNING attempt_count, window_ends_at";
    }

    @Override
    public boolean incrementReturnsRow() {
        return true;
    }

    @Override
    public SqlFragment deleteLimited(String table, SqlFragment where, String orderBy, long limit) {
        return byAddress("DELETE FROM " + table, table, where, orderBy, limit);
    }

    @Override
    public SqlFragment updateLimited(String table, String assignments, SqlFragment where, String orderBy, long limit) {
        return byAddress("UPDATE " + table + " SET " + assignments, table, where, orderBy, limit);
    }

    /**
     * {@code head} (a DELETE or an UPDATE ... SET) restricted to a batch of rows. PostgreSQL's DELETE
     * and UPDATE have no LIMIT: the batch is chosen in a subquery, by the rows' physical addresses
     * (ctid). "= ANY(ARRAY(...))" makes it an init plan whose rows are then fetched by address (a TID
     * scan), with no index look-up per row; "IN (subquery)" let the planner choose a semi-join that
     * scans the whole table per batch when it misjudged the limit.
     * The condition is repeated outside: a row updated by a concurrent transaction is changed in its
     * new version, and a TID scan's recheck of that version accepts it whatever it holds, so only this
     * condition spares a session whose expiry was extended in the meantime.
     */
    private static SqlFragment byAddress(String head, String table, SqlFragment where, String orderBy, long limit) {
        return new SqlFragment(head + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM " + table + " WHERE "
                + where.sql() + " ORDER BY " + orderBy + " LIMIT ?)) AND " + where.sql(), p -> {
                    where.binding().bind(p);
                    p.number(limit);
                    where.binding().bind(p);
                });
    }

    /**
     * Block ranges read by TID range scans (PostgreSQL 14 and later; the store is tested on 15 and 18).
     * The extent is the relation's size in blocks and the rows per block of its last vacuum or analyse.
     * The batch is chosen in a subquery, as in {@link #byAddress}, so that it can stop at the limit,
     * which a DELETE alone cannot; its rows are then fetched by address, on pages the range scan has
     * just read. The expiry is tested outside again, for a row a concurrent update changed.
     */
    @Override
    public Optional<HeapWalkStatements> heapWalk() {
        String block = "CAST('(' || CAST(? AS bigint) || ',0)' AS tid)";
        return Optional.of(new HeapWalkStatements(
                "SELECT pg_relation_size(c.oid) / current_setting('block_size')::bigint AS blocks, "
                        + "CASE WHEN c.relpages > 0 AND c.reltuples > 0 THEN ceil(c.reltuples / c.relpages)::bigint ELSE 0 END"
                        + " AS rows_per_block FROM pg_class c WHERE c.oid = 'userkit_sessions'::regclass",
                "DELETE FROM userkit_sessions WHERE ctid = ANY(ARRAY(SELECT ctid FROM userkit_sessions WHERE ctid >= " + block
                        + " AND ctid < " + block + " AND expires_at <= ? LIMIT ?)) AND expires_at <= ?"));
    }

    @Override
    public Optional<String> updateReturning(String update, String columns) {
        return Optional.of(update + " RETURNING " + columns);
    }

    @Override
    public boolean storesNulCharacter() {
        return false;
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return UNIQUE_VIOLATION.equals(e.getSQLState());
    }

    @Override
    public boolean isForeignKeyViolation(SQLException e) {
        return FOREIGN_KEY_VIOLATION.equals(e.getSQLState());
    }

    @Override
    public boolean failedStatementAbortsTransaction() {
        return true;
    }

    @Override
    public boolean isAuthenticationFailure(SQLException e) {
        return AUTHENTICATION_FAILURES.contains(e.getSQLState());
    }

    @Override
    public boolean isUnknownDatabase(SQLException e) {
        return INVALID_CATALOG_NAME.equals(e.getSQLState());
    }

    @Override
    public void limitConnectTime(Properties connectionProperties, Duration timeout) {
        // pgjdbc counts both in whole seconds, and 0 would mean no limit
        String seconds = Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
        connectionProperties.setProperty("connectTimeout", seconds);
        connectionProperties.setProperty("loginTimeout", seconds);
    }

    // triggers of migration V6 announce revocations on a channel this feed LISTENs to
    @Override
    public Optional<RevocationFeed> revocationFeed(DataSource dataSource) {
        return Optional.of(new PostgresRevocationFeed(dataSource));
    }
}
