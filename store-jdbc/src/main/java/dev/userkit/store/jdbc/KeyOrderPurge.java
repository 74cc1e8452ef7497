package dev.userkit.store.jdbc;

import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.PurgeStep;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The purge walk in primary-key order, for a database that clusters the table by its key (InnoDB):
 * consecutive ids are consecutive pages, so each step writes a stretch of pages once. A step first
 * finds the id {@code limit} rows further on (a consistent read along the key, no lock), then deletes
 * the expired sessions up to it: it locks at most the {@code limit} rows of its range, expired or not,
 * where a DELETE with a LIMIT on expired rows alone would lock every live row it passes on the way.
 * The cursor is the last id a step covered; the last step covers everything after it.
 */
final class KeyOrderPurge implements SessionPurgeWalk {
    private static final String TABLE = "userkit_sessions";
    private final Jdbc jdbc;

    KeyOrderPurge(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PurgeStep step(Instant now, PurgeCursor from, int limit) {
        UUID after = from.atStart() ? null : UUID.fromString(from.position());
        String past = after == null ? "" : "id > ? AND ";
        Optional<UUID> upTo = jdbc.queryOne("SELECT id FROM " + TABLE + " WHERE " + (after == null ? "1 = 1" : "id > ?")
                + " ORDER BY id " + jdbc.dialect().firstRows() + " OFFSET ?", p -> {
                    if (after != null) p.uuid(after);
                    p.number(1).number(limit - 1);
                }, r -> r.uuid("id"), "find purge range");
        int deleted = jdbc.update("DELETE FROM " + TABLE + " WHERE " + past + (upTo.isPresent() ? "id <= ? AND " : "")
                + "expires_at <= ?", p -> {
                    if (after != null) p.uuid(after);
                    if (upTo.isPresent()) p.uuid(upTo.get());
                    p.instant(now);
                }, "purge sessions");
        return upTo.map(id -> new PurgeStep(deleted, new PurgeCursor(id.toString()))).orElseGet(() -> PurgeStep.last(deleted));
    }
}
