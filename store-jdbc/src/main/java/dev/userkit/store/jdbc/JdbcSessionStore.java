package dev.userkit.store.jdbc;

import dev.userkit.domain.DeviceId;
import dev.userkit.domain.Session;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.PurgeStep;
import dev.userkit.spi.SessionFilter;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions in {@code userkit_sessions}. The column {@code expires_at} keeps the earlier of the
 * idle and absolute ends, indexed, so that the purge (S7) and expiry filters use one range scan.
 */
final class JdbcSessionStore implements SessionStore {
    /** Every column of a session row, in the order {@link #insert} binds them. */
    static final String COLUMNS =
            "id, user_id, token_hash, created_at, last_seen_at, idle_expires_at, absolute_expires_at, expires_at, data, device_id, security_stamp";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM userkit_sessions ";
    private static final String TOUCH = "UPDATE userkit_sessions SET last_seen_at = ?, idle_expires_at = ?, "
            // the smaller of the two, in portable SQL (LEAST is not standard)
            + "expires_at = CASE WHEN ? < absolute_expires_at THEN ? ELSE absolute_expires_at END WHERE id = ?";

    private final Jdbc jdbc;
    private final SessionPurgeWalk purgeWalk;

    JdbcSessionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
        this.purgeWalk = SessionPurgeWalk.of(jdbc);
    }

    @Override
    public void insert(SessionRecord rec) {
        Session s = rec.session();
        jdbc.update("INSERT INTO userkit_sessions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                + jdbc.dialect().jsonParameter() + ", ?, ?)", p -> p.uuid(s.id().value())
                .uuid(s.userId() == null ? null : s.userId().value()).text(rec.tokenHash())
                .instant(s.createdAt()).instant(s.lastSeenAt()).instant(s.idleExpiresAt()).instant(s.absoluteExpiresAt())
                .instant(s.expiresAt()).text(JsonCodec.write(s.data()))
                .uuid(s.deviceId() == null ? null : s.deviceId().value()).number(rec.securityStamp()), "session");
    }

    @Override
    public Optional<SessionRecord> findByTokenHash(String tokenHash) {
        return jdbc.queryOne(SELECT + "WHERE token_hash = ?", p -> p.text(tokenHash), JdbcSessionStore::map, "find session");
    }

    @Override
    public Optional<SessionRecord> findById(SessionId id) {
        return jdbc.queryOne(SELECT + "WHERE id = ?", p -> p.uuid(id.value()), JdbcSessionStore::map, "find session");
    }

    @Override
    public boolean touch(SessionId id, Instant lastSeenAt, Instant idleExpiresAt) {
        return jdbc.update(TOUCH, p -> bindActivity(p, lastSeenAt, idleExpiresAt).uuid(id.value()), "touch session") == 1;
    }

    @Override
    public boolean touchIfLastSeen(SessionId id, Instant expectedLastSeenAt, Instant lastSeenAt, Instant idleExpiresAt) {
        return jdbc.update(TOUCH + " AND last_seen_at = ?",
                p -> bindActivity(p, lastSeenAt, idleExpiresAt).uuid(id.value()).instant(expectedLastSeenAt), "touch session") == 1;
    }

    private static Params bindActivity(Params p, Instant lastSeenAt, Instant idleExpiresAt) throws SQLException {
        return p.instant(lastSeenAt).instant(idleExpiresAt).instant(idleExpiresAt).instant(idleExpiresAt);
    }

    @Override
    public boolean restamp(SessionId id, UserId userId, long securityStamp) {
        return jdbc.update("UPDATE userkit_sessions SET security_stamp = ? WHERE id = ? AND user_id = ?",
                p -> p.number(securityStamp).uuid(id.value()).uuid(userId.value()), "restamp session") == 1;
    }

    @Override
    public boolean delete(SessionId id) {
        return jdbc.update("DELETE FROM userkit_sessions WHERE id = ?", p -> p.uuid(id.value()), "delete session") == 1;
    }

    @Override
    public int deleteMatching(SessionFilter filter, int limit) {
        SqlFragment delete = jdbc.dialect().deleteLimited("userkit_sessions", where(filter, null), batchOrder(filter), limit);
        return jdbc.update(delete.sql(), delete.binding(), "delete sessions");
    }

    @Override
    public PurgeStep purgeExpired(Instant now, PurgeCursor from, int limit) {
        return purgeWalk.step(now, from, limit);
    }

    /**
     * The order a bounded delete takes its batch in: that of the index which finds the rows, so the
     * database stops reading after the limit. A user or device narrows the batch to its own few
     * sessions (its index), which sorting by id keeps cheap; without one, only the expiry range is
     * indexed, and in {@code expires_at, id} order (the secondary index carries the key) a purge
     * reads about {@code limit} index entries per batch, where sorting every expired row by id
     * made each batch cost as much as all the expired rows together (issue 7, defect 12).
     */
    private static String batchOrder(SessionFilter f) {
        boolean narrowed = f.userId() != null || f.deviceId() != null;
        return f.expiredAt() != null && !narrowed ? "expires_at, id" : "id";
    }

    @Override
    public List<SessionRecord> list(SessionFilter filter, SessionId after, int limit) {
        SqlFragment where = where(filter, after);
        return jdbc.query(SELECT + "WHERE " + where.sql() + " ORDER BY id " + jdbc.dialect().firstRows(), p -> {
            where.binding().bind(p);
            p.number(limit);
        }, JdbcSessionStore::map, "list sessions");
    }

    private static SqlFragment where(SessionFilter f, SessionId after) {
        List<String> parts = new ArrayList<>();
        List<SqlFragment.Binding> bindings = new ArrayList<>();
        if (f.userId() != null) {
            parts.add("user_id = ?");
            bindings.add(p -> p.uuid(f.userId().value()));
        }
        if (f.expiredAt() != null) {
            parts.add("expires_at <= ?");
            bindings.add(p -> p.instant(f.expiredAt()));
        }
        if (f.except() != null) {
            parts.add("id <> ?");
            bindings.add(p -> p.uuid(f.except().value()));
        }
        if (f.deviceId() != null) {
            parts.add("device_id = ?");
            bindings.add(p -> p.uuid(f.deviceId().value()));
        }
        if (after != null) {
            parts.add("id > ?");
            bindings.add(p -> p.uuid(after.value()));
        }
        String sql = parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
        return new SqlFragment(sql, p -> {
            for (SqlFragment.Binding b : bindings) b.bind(p);
        });
    }

    /** The session record from the {@link #COLUMNS} of a row. */
    static SessionRecord map(Row r) throws SQLException {
        UUID user = r.uuid("user_id");
        UUID device = r.uuid("device_id");
        Session s = Session.builder().id(new SessionId(r.uuid("id"))).userId(user == null ? null : new UserId(user))
                .createdAt(r.instant("created_at")).lastSeenAt(r.instant("last_seen_at"))
                .idleExpiresAt(r.instant("idle_expires_at")).absoluteExpiresAt(r.instant("absolute_expires_at"))
                .data(r.json("data")).deviceId(device == null ? null : new DeviceId(device)).build();
        return new SessionRecord(s, r.text("token_hash"), r.number("security_stamp"));
    }
}
