package dev.userkit.store.jdbc;

import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.UserId;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.CodeStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** One-time codes in {@code userkit_codes}, keyed by their hash; consumption is one delete that returns the row (REL-1, see {@link SqlDialect#deleteReturning}). */
final class JdbcCodeStore implements CodeStore {
    private static final String COLUMNS = "code_hash, user_id, purpose, target, created_at, expires_at, failed_attempts";

    private final Jdbc jdbc;

    JdbcCodeStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(CodeRecord c) {
        jdbc.update("INSERT INTO userkit_codes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                p -> p.text(c.codeHash()).uuid(c.userId().value()).text(c.purpose().name()).text(c.target())
                        .instant(c.createdAt()).instant(c.expiresAt()).number(c.failedAttempts()), "code");
    }

    @Override
    public Optional<CodeRecord> consume(String codeHash, CodePurpose purpose) {
        // the deleted row comes back from the DELETE itself: of two racing deletes only one sees it
        return jdbc.queryOne(jdbc.dialect().deleteReturning("userkit_codes", "code_hash = ? AND purpose = ?", COLUMNS),
                p -> p.text(codeHash).text(purpose.name()), JdbcCodeStore::map, "consume code");
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        SqlFragment delete = jdbc.dialect().deleteLimited("userkit_codes", new SqlFragment("expires_at <= ?",
                p -> p.instant(now)), "expires_at, code_hash", limit);
        return jdbc.update(delete.sql(), delete.binding(), "purge codes");
    }

    @Override
    public int deleteFor(UserId userId, CodePurpose purpose) {
        return jdbc.update("DELETE FROM userkit_codes WHERE user_id = ? AND purpose = ?",
                p -> p.uuid(userId.value()).text(purpose.name()), "delete codes");
    }

    @Override
    public int deleteAllFor(UserId userId) {
        return jdbc.update("DELETE FROM userkit_codes WHERE user_id = ?", p -> p.uuid(userId.value()), "delete codes");
    }

    @Override
    public OptionalInt recordFailedAttempt(UserId userId, CodePurpose purpose) {
        // the UPDATE locks the rows, so the read in the same transaction sees exactly our increment
        return jdbc.atomically(c -> {
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE userkit_codes SET failed_attempts = failed_attempts + 1 WHERE user_id = ? AND purpose = ?")) {
                new Params(up, jdbc.dialect()).uuid(userId.value()).text(purpose.name());
                if (up.executeUpdate() == 0) return OptionalInt.empty();
            }
            try (PreparedStatement q = c.prepareStatement(
                    "SELECT MAX(failed_attempts) FROM userkit_codes WHERE user_id = ? AND purpose = ?")) {
                new Params(q, jdbc.dialect()).uuid(userId.value()).text(purpose.name());
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
                }
            }
        });
    }

    private static CodeRecord map(Row r) throws SQLException {
        return new CodeRecord(r.text("code_hash"), new UserId(r.uuid("user_id")), CodePurpose.valueOf(r.text("purpose")),
                r.text("target"), r.instant("created_at"), r.instant("expires_at"), (int) r.number("failed_attempts"));
    }
}
