package dev.userkit.store.jdbc;

import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.MaintenanceLock;
import java.time.Duration;
import java.time.Instant;

/**
 * Leases as rows of {@code userkit_leases}, in portable SQL for both databases. A row lease, not an
 * advisory lock ({@code pg_try_advisory_lock}, {@code GET_LOCK}): those belong to one connection, and
 * through a pool that means pinning a connection for the whole run, leaking the lock to the next
 * borrower when an unlock is missed, and losing it unnoticed when the connection drops. Each method
 * is one guarded statement (taking a free lease is an UPDATE guarded by its end, else an INSERT that
 * the primary key lets only one caller win), so it is atomic without a transaction of its own.
 */
final class JdbcMaintenanceLock implements MaintenanceLock {
    private final Jdbc jdbc;

    JdbcMaintenanceLock(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean tryAcquire(String name, String owner, Instant now, Duration ttl) {
        // a concurrent taker of the same ended row waits for our row lock, then re-reads the guard and fails it
        int taken = jdbc.update("UPDATE userkit_leases SET owner = ?, expires_at = ? WHERE lease_name = ? AND expires_at <= ?",
                p -> p.text(owner).instant(now.plus(ttl)).text(name).instant(now), "take lease");
        if (taken == 1) return true;
        try {
            jdbc.update("INSERT INTO userkit_leases (lease_name, owner, expires_at) VALUES (?, ?, ?)",
                    p -> p.text(name).text(owner).instant(now.plus(ttl)), "lease");
            return true;
        } catch (DuplicateKeyException held) {
            return false;
        }
    }

    @Override
    public boolean renew(String name, String owner, Instant now, Duration ttl) {
        return jdbc.update("UPDATE userkit_leases SET expires_at = ? WHERE lease_name = ? AND owner = ? AND expires_at > ?",
                p -> p.instant(now.plus(ttl)).text(name).text(owner).instant(now), "renew lease") == 1;
    }

    @Override
    public boolean release(String name, String owner) {
        return jdbc.update("DELETE FROM userkit_leases WHERE lease_name = ? AND owner = ?",
                p -> p.text(name).text(owner), "release lease") == 1;
    }
}
