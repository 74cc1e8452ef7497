package dev.userkit.spi;

import java.util.Objects;

/**
 * Where a walk over a session store stands between two steps of a purge
 * ({@link SessionStore#purgeExpired}), in the store's own terms: PostgreSQL keeps the next heap block
 * and the block the walk ends at, MariaDB the last primary key it passed. The caller does not read it;
 * it hands each step the cursor the previous step returned, starting from {@link #START}. A store that
 * keeps no position (in memory, MongoDB) returns the cursor it was given.
 *
 * @param position the store's position, empty at the start of a walk
 */
public record PurgeCursor(String position) {
    /** The start of a walk. */
    public static final PurgeCursor START = new PurgeCursor("");

    /**
     * Checks the position.
     *
     * @param position see {@link #position()}; not null
     */
    public PurgeCursor {
        Objects.requireNonNull(position, "position");
    }

    /**
     * Whether this is the start of a walk.
     *
     * @return true for {@link #START}
     */
    public boolean atStart() {
        return position.isEmpty();
    }
}
