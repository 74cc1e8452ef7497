package dev.userkit.store.jdbc;

import dev.userkit.spi.AttemptCount;
import dev.userkit.spi.AttemptStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Fixed-window counters in {@code userkit_attempts}; each increment is one upsert statement, so concurrent ones never lose a count. */
final class JdbcAttemptStore implements AttemptStore {
    private static final String READ = "SELECT attempt_count, window_ends_at FROM userkit_attempts WHERE attempt_key = ?";

    private final Jdbc jdbc;

    JdbcAttemptStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public AttemptCount increment(String key, Instant now, Duration window) {
        SqlDialect d = jdbc.dialect();
        SqlFragment.Binding upsert = p -> p.text(key).instant(now.plus(window)).instant(now).instant(now);
        // one statement in auto-commit: it is atomic by itself and returns exactly our increment
        if (d.incrementReturnsRow()) {
            return jdbc.queryOne(d.incrementAttempt(), upsert, JdbcAttemptStore::map, "count attempt").orElseThrow();
        }
        return jdbc.atomically(c -> {
            try (PreparedStatement ps = c.prepareStatement(d.incrementAttempt())) {
                upsert.bind(new Params(ps, d));
                ps.executeUpdate();
            }
            // the upsert holds the row lock until commit, so this read sees exactly our increment
            try (PreparedStatement ps = c.prepareStatement(READ)) {
                new Params(ps, d).text(key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return map(jdbc.row(READ, rs));
                }
            }
        });
    }

    @Override
    public Optional<AttemptCount> current(String key, Instant now) {
        return jdbc.queryOne(READ + " AND window_ends_at > ?", p -> p.text(key).instant(now), JdbcAttemptStore::map,
                "read counter");
    }

    @Override
    public void reset(String key) {
        jdbc.update("DELETE FROM userkit_attempts WHERE attempt_key = ?", p -> p.text(key), "reset counter");
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        SqlFragment delete = jdbc.dialect().deleteLimited("userkit_attempts", new SqlFragment("window_ends_at <= ?",
                p -> p.instant(now)), "window_ends_at, attempt_key", limit);
        return jdbc.update(delete.sql(), delete.binding(), "purge counters");
    }

    private static AttemptCount map(Row r) throws SQLException {
        return new AttemptCount(r.number("attempt_count"), r.instant("window_ends_at"));
    }
}
