package dev.userkit.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * Named leases that let one instance of a cluster at a time run a job (scheduled maintenance,
 * REL-9). A lease has a name, an owner (an id the caller chose, unique per instance) and an end;
 * it is held while its end is after the {@code now} a caller passes. Every method is atomic by
 * itself, and the instants come from the caller's clock, never the database's, so a test clock
 * drives every store the same way. Names and owners are strings of at most 64 characters.
 */
public interface MaintenanceLock {
    /**
     * Takes the lease for {@code owner} until {@code now + ttl} if nobody holds it at {@code now}
     * (it never existed, was released, or its end is at or before {@code now}). Exclusive: of any
     * number of concurrent callers while it is free, exactly one gets it; while it is held, every
     * call fails, the holder's own included (the holder renews instead).
     *
     * @param name the lease's name
     * @param owner who takes it
     * @param now the current instant
     * @param ttl how long the lease lasts; positive
     * @return true if {@code owner} now holds the lease
     */
    boolean tryAcquire(String name, String owner, Instant now, Duration ttl);

    /**
     * Moves the end of the lease to {@code now + ttl}, only if {@code owner} holds it at {@code now}.
     * An owner whose lease ended cannot renew it, even if nobody took it since.
     *
     * @param name the lease's name
     * @param owner who must hold it
     * @param now the current instant
     * @param ttl how long the lease lasts from now; positive
     * @return true if the lease was renewed
     */
    boolean renew(String name, String owner, Instant now, Duration ttl);

    /**
     * Gives the lease up, only if it is {@code owner}'s: a stale owner (whose lease ended and was
     * taken by another) changes nothing.
     *
     * @param name the lease's name
     * @param owner who must hold it
     * @return true if {@code owner}'s lease was removed
     */
    boolean release(String name, String owner);
}
