package dev.userkit.store.jdbc;

import dev.userkit.spi.MessageKind;
import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxState;
import dev.userkit.spi.OutboxStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox in {@code userkit_outbox} (REL-8). Every change of a message's state is one guarded
 * UPDATE, so of two senders racing for a message only one claims it, and only the holder of the
 * lease can settle it. The payload is ciphertext made by core; this store never reads into it.
 */
final class JdbcOutboxStore implements OutboxStore {
    private static final String TABLE = "userkit_outbox";
    private static final String COLUMNS = "id, kind, state, attempts, created_at, next_attempt_at, lease_owner, lease_until, "
            + "last_error, payload, expires_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM " + TABLE + " ";
    private static final String BY_ID = SELECT + "WHERE id = ?";
    /** Parameters now, now: pending, due, and no lease or one that lapsed before now. */
    private static final String CLAIMABLE = "state = 'PENDING' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)";
    /** Parameters id, owner: a message the owner's claim still holds. */
    private static final String HELD = " WHERE id = ? AND state = 'PENDING' AND lease_owner = ?";
    private static final String CLAIM = "UPDATE " + TABLE + " SET attempts = attempts + 1, lease_owner = ?, lease_until = ? "
            + "WHERE id = ? AND " + CLAIMABLE;
    private static final String DELIVERED = "UPDATE " + TABLE + " SET state = 'DELIVERED', next_attempt_at = ?, "
            + "lease_owner = NULL, lease_until = NULL, payload = NULL" + HELD;
    private static final String RETRY_LATER = "UPDATE " + TABLE + " SET last_error = ?, next_attempt_at = ?, "
            + "lease_owner = NULL, lease_until = NULL" + HELD;
    private static final String DEAD = "UPDATE " + TABLE + " SET last_error = ?, lease_owner = NULL, lease_until = NULL, "
            + "state = 'DEAD'" + HELD;
    private static final String RETRY = "UPDATE " + TABLE + " SET state = 'PENDING', attempts = 0, next_attempt_at = ? "
            + "WHERE id = ? AND state = 'DEAD' AND payload IS NOT NULL";
    /** An expired payload is gone for good, so a pending message ends dead. */
    private static final String EXPIRE_PENDING = "state = 'DEAD', last_error = 'expired', lease_owner = NULL, lease_until = NULL, "
            + "payload = NULL";
    /**
     * The order of a batch: that of the index serving it, its state column named too, which MariaDB
     * needs to read the index in order rather than sort every matching row (measured: a 500-row
     * batch of 200,000 delivered messages read 500 rows, against all 200,000 without {@code state}).
     */
    private static final String BY_EXPIRY = "state, expires_at, id";
    private static final String BY_DELIVERY = "state, next_attempt_at, id";

    private final Jdbc jdbc;

    JdbcOutboxStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(OutboxRecord r) {
        jdbc.update("INSERT INTO " + TABLE + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                p -> p.text(r.id()).text(r.kind().name()).text(r.state().name()).number(r.attempts())
                        .instant(r.createdAt()).instant(r.nextAttemptAt()).text(r.leaseOwner()).instant(r.leaseUntil())
                        .text(r.lastError()).bytes(r.payload()).instant(r.expiresAt()), "outbox");
    }

    @Override
    public List<OutboxRecord> due(Instant now, int limit) {
        return jdbc.query(SELECT + "WHERE " + CLAIMABLE + " ORDER BY next_attempt_at, id " + jdbc.dialect().firstRows(),
                p -> p.instant(now).instant(now).number(limit), JdbcOutboxStore::map, "due messages");
    }

    @Override
    public Optional<OutboxRecord> claim(String id, String owner, Instant now, Instant leaseUntil) {
        SqlFragment.Binding claim = p -> p.text(owner).instant(leaseUntil).text(id).instant(now).instant(now);
        Optional<String> returning = jdbc.dialect().updateReturning(CLAIM, COLUMNS);
        if (returning.isPresent()) return jdbc.queryOne(returning.get(), claim, JdbcOutboxStore::map, "claim message");
        // the UPDATE holds the row lock until commit, so the read in the same transaction sees exactly our claim
        return jdbc.atomically(c -> updated(c, claim) ? read(c, id) : Optional.empty());
    }

    private boolean updated(Connection c, SqlFragment.Binding claim) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CLAIM)) {
            Params params = new Params(ps, jdbc.dialect());
            claim.bind(params);
            return !params.unmatchable() && ps.executeUpdate() == 1;
        }
    }

    private Optional<OutboxRecord> read(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BY_ID)) {
            new Params(ps, jdbc.dialect()).text(id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(jdbc.row(BY_ID, rs))) : Optional.empty();
            }
        }
    }

    @Override
    public boolean delivered(String id, String owner, Instant at) {
        return jdbc.update(DELIVERED, p -> p.instant(at).text(id).text(owner), "message delivered") == 1;
    }

    @Override
    public boolean failed(String id, String owner, String error, Instant nextAttemptAt, boolean dead) {
        String kept = storable(error);
        if (dead) return jdbc.update(DEAD, p -> p.text(kept).text(id).text(owner), "message dead") == 1;
        return jdbc.update(RETRY_LATER, p -> p.text(kept).instant(nextAttemptAt).text(id).text(owner), "message failed") == 1;
    }

    // An error is free text (a server's reply may hold anything), not a key: a NUL that the column
    // cannot store is replaced, or the whole update would be skipped as unable to match and the
    // message would never settle.
    private String storable(String error) {
        if (error == null || jdbc.dialect().storesNulCharacter()) return error;
        return error.replace('\u0000', '\uFFFD');
    }

    @Override
    public Optional<OutboxRecord> findById(String id) {
        return jdbc.queryOne(BY_ID, p -> p.text(id), JdbcOutboxStore::map, "find message");
    }

    @Override
    public List<OutboxRecord> findByState(OutboxState state, int limit) {
        return jdbc.query(SELECT + "WHERE state = ? ORDER BY created_at, id " + jdbc.dialect().firstRows(),
                p -> p.text(state.name()).number(limit), JdbcOutboxStore::map, "find messages");
    }

    /** Counted off the {@code (state, next_attempt_at)} index, in a sub-select that stops at the limit. */
    @Override
    public int countPending(int limit) {
        if (limit <= 0) return 0;
        return jdbc.queryOne("SELECT COUNT(*) AS pending FROM (SELECT id FROM " + TABLE + " WHERE state = 'PENDING' "
                        + jdbc.dialect().firstRows() + ") AS bounded", p -> p.number(limit), r -> (int) r.number("pending"),
                "count pending messages").orElse(0);
    }

    @Override
    public boolean retry(String id, Instant now) {
        return jdbc.update(RETRY, p -> p.instant(now).text(id), "retry message") == 1;
    }

    /**
     * Bounded batches, each read off one index range in that index's order: expired payloads of
     * PENDING, then of DEAD messages, together at most {@code limit} ({@code state, expires_at}; one
     * state per statement, as an {@code IN} of both would be sorted instead of read in order), then
     * delivered messages past their retention ({@code state, next_attempt_at}, the delivery time).
     */
    @Override
    public int purge(Instant now, Instant deliveredBefore, int limit) {
        int erased = erase(EXPIRE_PENDING, "state = 'PENDING'", now, limit);
        if (erased < limit) erased += erase("payload = NULL", "state = 'DEAD'", now, limit - erased);
        SqlFragment delete = jdbc.dialect().deleteLimited(TABLE, new SqlFragment("state = 'DELIVERED' AND next_attempt_at < ?",
                p -> p.instant(deliveredBefore)), BY_DELIVERY, limit);
        return erased + jdbc.update(delete.sql(), delete.binding(), "purge delivered messages");
    }

    @Override
    public int deleteDead(Instant createdBefore, int limit) {
        SqlFragment delete = jdbc.dialect().deleteLimited(TABLE, new SqlFragment("state = 'DEAD' AND created_at < ?",
                p -> p.instant(createdBefore)), "created_at, id", limit);
        return jdbc.update(delete.sql(), delete.binding(), "purge dead messages");
    }

    private int erase(String assignments, String state, Instant now, int limit) {
        SqlFragment update = jdbc.dialect().updateLimited(TABLE, assignments, new SqlFragment(
                state + " AND expires_at <= ? AND payload IS NOT NULL", p -> p.instant(now)), BY_EXPIRY, limit);
        return jdbc.update(update.sql(), update.binding(), "erase expired messages");
    }

    private static OutboxRecord map(Row r) throws SQLException {
        return new OutboxRecord(r.text("id"), MessageKind.valueOf(r.text("kind")), OutboxState.valueOf(r.text("state")),
                (int) r.number("attempts"), r.instant("created_at"), r.instant("next_attempt_at"), r.text("lease_owner"),
                r.instant("lease_until"), r.text("last_error"), r.bytes("payload"), r.instant("expires_at"));
    }
}
