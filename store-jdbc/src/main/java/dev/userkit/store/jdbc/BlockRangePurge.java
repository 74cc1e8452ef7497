package dev.userkit.store.jdbc;

import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.PurgeStep;
import java.time.Instant;

/**
 * The purge walk by heap block ranges ({@link HeapWalkStatements}, PostgreSQL's TID range scans):
 * the first step reads how many blocks the table has and how many rows a block holds, and every step
 * covers the next range of blocks that hold about {@code limit} rows, expired or not, deleting at most
 * {@code limit} of them. A step that deleted {@code limit} may have left expired rows in its range,
 * so the next step takes the same range again; any other step moves on. Blocks added after the walk
 * began hold rows written since, live ones. The cursor is {@code next/end/span}: the next block, the
 * block the walk ends at and the blocks per step.
 */
final class BlockRangePurge implements SessionPurgeWalk {
    /**
     * Rows per block assumed when the database has no statistics of the table yet (never vacuumed or
     * analysed): about what an 8 kB PostgreSQL page holds of sessions with little data.
     */
    static final long DEFAULT_ROWS_PER_BLOCK = 40;
    private final Jdbc jdbc;
    private final HeapWalkStatements sql;

    BlockRangePurge(Jdbc jdbc, HeapWalkStatements sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    @Override
    public PurgeStep step(Instant now, PurgeCursor from, int limit) {
        Range range = from.atStart() ? first(limit) : Range.parse(from.position());
        if (range.next() >= range.end()) return PurgeStep.last(0);
        long to = Math.min(range.end(), range.next() + range.span());
        int deleted = jdbc.update(sql.deleteRange(),
                p -> p.number(range.next()).number(to).instant(now).number(limit).instant(now), "purge sessions");
        if (deleted >= limit) return new PurgeStep(deleted, new PurgeCursor(range.format()));
        Range rest = new Range(to, range.end(), range.span());
        return to >= range.end() ? PurgeStep.last(deleted) : new PurgeStep(deleted, new PurgeCursor(rest.format()));
    }

    private Range first(int limit) {
        return jdbc.queryOne(sql.extent(), p -> { }, r -> {
            long perBlock = r.number("rows_per_block") > 0 ? r.number("rows_per_block") : DEFAULT_ROWS_PER_BLOCK;
            return new Range(0, r.number("blocks"), Math.max(1, limit / perBlock));
        }, "find purge extent").orElseThrow();
    }

    /** Blocks {@code next} (inclusive) to {@code end} (exclusive), {@code span} per step. */
    private record Range(long next, long end, long span) {
        static Range parse(String position) {
            String[] parts = position.split("/", -1);
            return new Range(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        }

        String format() {
            return next + "/" + end + "/" + span;
        }
    }
}
