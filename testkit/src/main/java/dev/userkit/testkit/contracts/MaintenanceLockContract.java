package dev.userkit.testkit.contracts;

import static dev.userkit.testkit.Fixtures.millisNow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.spi.MaintenanceLock;
import dev.userkit.testkit.StoreFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@link MaintenanceLock} contract (REL-9): one test per sentence of its javadoc.
 *
 * <p>If a test fails, check: taking a lease is one guarded write (an UPDATE whose WHERE tests the
 * lease's end, else an INSERT the primary key lets only one caller win; an upsert guarded by the end
 * on MongoDB), never a read followed by a write; a lease is free when its end is at or before
 * {@code now} (inclusive), using the instants given, never the database's clock; renew and release
 * compare the owner in the same statement that writes.
 */
public abstract class MaintenanceLockContract extends StoreFixture {
    private static final String NAME = "userkit-maintenance";
    private static final Duration TTL = Duration.ofMinutes(2);

    private MaintenanceLock lock() {
        return stores.maintenanceLock();
    }

    @Test
    @DisplayName("REL-9 [required] MaintenanceLock tryAcquire: a free lease is taken; while held, every call fails, the holder's own included")
    void heldLeaseIsExclusive() {
        Instant now = millisNow(clock);

        assertThat(lock().tryAcquire(NAME, "a", now, TTL)).isTrue();
        assertThat(lock().tryAcquire(NAME, "b", now.plusSeconds(1), TTL)).isFalse();
        assertThat(lock().tryAcquire(NAME, "a", now.plusSeconds(1), TTL)).isFalse();
        assertThat(lock().tryAcquire("another-job", "b", now, TTL)).as("leases of other names are independent").isTrue();
    }

    @Test
    @DisplayName("REL-9 [required] MaintenanceLock tryAcquire: 16 concurrent callers of a free lease, exactly one gets it")
    void concurrentAcquireHasOneWinner() {
        Instant now = millisNow(clock);

        List<Race.Outcome<Boolean>> outcomes = Race.run(16, i -> lock().tryAcquire(NAME, "owner-" + i, now, TTL));

        assertThat(Race.errors(outcomes)).isEmpty();
        assertThat(Race.values(outcomes).stream().filter(won -> won).count()).isEqualTo(1);
    }

    @Test
    @DisplayName("REL-9 [required] MaintenanceLock tryAcquire: a lease expires at its end (inclusive); then another owner takes it")
    void leaseExpires() {
        Instant now = millisNow(clock);
        lock().tryAcquire(NAME, "a", now, TTL);

        assertThat(lock().tryAcquire(NAME, "b", now.plus(TTL).minusMillis(1), TTL)).isFalse();
        assertThat(lock().tryAcquire(NAME, "b", now.plus(TTL), TTL)).isTrue();
        assertThat(lock().tryAcquire(NAME, "a", now.plus(TTL).plusSeconds(1), TTL)).as("now b's until its own end").isFalse();
    }

    @Test
    @DisplayName("REL-9 [required] MaintenanceLock renew: moves the end to now + ttl for its holder only; others and an ended lease fail")
    void renewByOwnerOnly() {
        Instant now = millisNow(clock);
        lock().tryAcquire(NAME, "a", now, TTL);

        assertThat(lock().renew(NAME, "b", now.plusSeconds(1), TTL)).isFalse();
        Instant later = now.plus(TTL).minusSeconds(1);
        assertThat(lock().renew(NAME, "a", later, TTL)).isTrue();
        assertThat(lock().tryAcquire(NAME, "b", now.plus(TTL), TTL)).as("renewed past its first end").isFalse();
        assertThat(lock().tryAcquire(NAME, "b", later.plus(TTL), TTL)).isTrue();
        assertThat(lock().renew(NAME, "a", later.plus(TTL), TTL)).as("a's lease ended and is b's").isFalse();
        assertThat(lock().renew("never-taken", "a", now, TTL)).isFalse();
    }

    @Test
    @DisplayName("REL-9 [required] MaintenanceLock renew: an owner whose lease ended cannot renew it, even if nobody took it since")
    void endedLeaseCannotBeRenewed() {
        Instant now = millisNow(clock);
        lock().tryAcquire(NAME, "a", now, TTL);

        assertThat(lock().renew(NAME, "a", now.plus(TTL), TTL)).isFalse();
    }

    @Test
    @DisplayName("REL-9 [required] MaintenanceLock release: only the holder's release frees the lease; a stale owner's changes nothing")
    void releaseByOwnerOnly() {
        Instant now = millisNow(clock);
        lock().tryAcquire(NAME, "a", now, TTL);

        assertThat(lock().release(NAME, "b")).isFalse();
        assertThat(lock().tryAcquire(NAME, "b", now.plusSeconds(1), TTL)).as("still a's").isFalse();
        assertThat(lock().release(NAME, "a")).isTrue();
        assertThat(lock().tryAcquire(NAME, "b", now.plusSeconds(1), TTL)).as("free once released").isTrue();

        Instant late = now.plusSeconds(1).plus(TTL);
        assertThat(lock().tryAcquire(NAME, "c", late, TTL)).as("b's lease ended: c takes it").isTrue();
        assertThat(lock().release(NAME, "b")).as("b is a stale owner").isFalse();
        assertThat(lock().tryAcquire(NAME, "d", late.plusSeconds(1), TTL)).as("still c's").isFalse();
        assertThat(lock().release("never-taken", "a")).isFalse();
    }

    @Test
    @DisplayName("REL-9 [required] MaintenanceLock tryAcquire: a released or ended lease can be taken again, by its former owner too")
    void reacquireAfterExpiryOrRelease() {
        Instant now = millisNow(clock);
        lock().tryAcquire(NAME, "a", now, TTL);

        Instant ended = now.plus(TTL);
        assertThat(lock().tryAcquire(NAME, "a", ended, TTL)).isTrue();
        assertThat(lock().renew(NAME, "a", ended.plusSeconds(1), TTL)).isTrue();
        assertThat(lock().release(NAME, "a")).isTrue();
        assertThat(lock().tryAcquire(NAME, "a", ended.plusSeconds(2), TTL)).isTrue();
    }
}
