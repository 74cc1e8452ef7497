package dev.userkit.maintenance;

/** What one maintenance run purges, in the order it purges them. */
public enum PurgeKind {
    /** Sessions past their idle or absolute end (S7). */
    EXPIRED_SESSIONS,
    /** Accounts still PENDING after {@code pendingAccountTtl}, with everything they own (A16). */
    UNVERIFIED_ACCOUNTS,
    /** One-time codes past their expiry; used codes are gone already, as consuming one deletes it. */
    EXPIRED_CODES,
    /** Throttling and send-rate counters whose window ended (SEC-09, SEC-25). */
    STALE_ATTEMPT_COUNTERS,
    /** Outbox payloads past their expiry (erased) and DELIVERED rows past their retention (deleted). */
    OUTBOX_PAYLOADS,
    /** DEAD outbox rows queued longer ago than the dead-outbox retention (deleted). */
    DEAD_OUTBOX_ROWS
}
