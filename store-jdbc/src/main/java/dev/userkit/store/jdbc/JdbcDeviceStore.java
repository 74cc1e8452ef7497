package dev.userkit.store.jdbc;

import dev.userkit.domain.Device;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.DeviceRecord;
import dev.userkit.spi.DeviceStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Devices in {@code userkit_devices}; (user_id, token_hash) is unique. */
final class JdbcDeviceStore implements DeviceStore {
    private static final String COLUMNS = "id, user_id, token_hash, permitted, user_agent, created_at, last_used_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM userkit_devices ";

    private final Jdbc jdbc;

    JdbcDeviceStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(DeviceRecord rec) {
        Device d = rec.device();
        jdbc.update("INSERT INTO userkit_devices (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                p -> p.uuid(d.id().value()).uuid(d.userId().value()).text(rec.tokenHash()).bool(d.permitted())
                        .text(d.userAgent()).instant(d.createdAt()).instant(d.lastUsedAt()), "device");
    }

    @Override
    public Optional<DeviceRecord> find(UserId userId, String tokenHash) {
        return jdbc.queryOne(SELECT + "WHERE user_id = ? AND token_hash = ?", p -> p.uuid(userId.value()).text(tokenHash),
                JdbcDeviceStore::map, "find device");
    }

    @Override
    public Optional<DeviceRecord> findById(DeviceId id) {
        return jdbc.queryOne(SELECT + "WHERE id = ?", p -> p.uuid(id.value()), JdbcDeviceStore::map, "find device");
    }

    @Override
    public boolean setPermitted(DeviceId id, boolean permitted) {
        return jdbc.update("UPDATE userkit_devices SET permitted = ? WHERE id = ?", p -> p.bool(permitted).uuid(id.value()),
                "permit device") == 1;
    }

    @Override
    public boolean touch(DeviceId id, Instant lastUsedAt) {
        return jdbc.update("UPDATE userkit_devices SET last_used_at = ? WHERE id = ?", p -> p.instant(lastUsedAt).uuid(id.value()),
                "touch device") == 1;
    }

    @Override
    public List<DeviceRecord> list(UserId userId, boolean permittedOnly) {
        String sql = SELECT + "WHERE 1 = 1" + (userId == null ? "" : " AND user_id = ?")
                + (permittedOnly ? " AND permitted = ?" : "") + " ORDER BY id";
        return jdbc.query(sql, p -> {
            if (userId != null) p.uuid(userId.value());
            if (permittedOnly) p.bool(true);
        }, JdbcDeviceStore::map, "list devices");
    }

    @Override
    public int deleteAllFor(UserId userId) {
        return jdbc.update("DELETE FROM userkit_devices WHERE user_id = ?", p -> p.uuid(userId.value()), "delete devices");
    }

    private static DeviceRecord map(Row r) throws SQLException {
        Device d = new Device(new DeviceId(r.uuid("id")), new UserId(r.uuid("user_id")), r.bool("permitted"),
                r.text("user_agent"), r.instant("created_at"), r.instant("last_used_at"));
        return new DeviceRecord(d, r.text("token_hash"));
    }
}
