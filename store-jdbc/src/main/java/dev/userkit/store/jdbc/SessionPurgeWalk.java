package dev.userkit.store.jdbc;

import dev.userkit.spi.PurgeCursor;
import dev.userkit.spi.PurgeStep;
import java.time.Instant;

/** How {@link JdbcSessionStore#purgeExpired} walks the session table: one bounded step per call. */
interface SessionPurgeWalk {
    /**
     * One step of the walk; see {@link dev.userkit.spi.SessionStore#purgeExpired}.
     *
     * @param now the instant expiry is judged at
     * @param from where the previous step stopped
     * @param limit the most sessions to delete
     * @return what the step deleted and where the next one starts
     */
    PurgeStep step(Instant now, PurgeCursor from, int limit);

    /** The walk the dialect asks for: by heap block ranges if it names their statements, else by primary key. */
    static SessionPurgeWalk of(Jdbc jdbc) {
        return jdbc.dialect().heapWalk().<SessionPurgeWalk>map(sql -> new BlockRangePurge(jdbc, sql))
                .orElseGet(() -> new KeyOrderPurge(jdbc));
    }
}
