package dev.userkit.testkit.contracts;

import static dev.userkit.testkit.Fixtures.millisNow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxState;
import dev.userkit.spi.OutboxStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@link OutboxStore} contract for what a sender reports back (REL-8, SEC-12):
 * {@code delivered}, {@code failed} and an administrator's {@code retry}; one test per sentence of
 * the port's javadoc.
 *
 * <p>If a test fails, check: {@code delivered} and {@code failed} carry the owner in their
 * condition, so a sender whose lease lapsed and was taken over changes nothing; {@code failed}
 * clears the lease; a delivered payload is erased to null, not to an empty array; {@code retry}
 * needs a DEAD message that still has its payload.
 */
public abstract class OutboxOutcomeContract extends OutboxFixture {
    @Test
    @DisplayName("SEC-12 REL-8 [required] OutboxStore delivered: marks the message DELIVERED at the given time and erases its payload")
    void deliveredErasesPayload() {
        Instant now = millisNow(clock);
        OutboxRecord r = added(now.minusSeconds(3));
        OutboxRecord claimed = claimed(r, "sender-a", now.minusSeconds(2));

        assertThat(outbox().delivered(r.id(), "sender-a", now)).isTrue();

        OutboxRecord back = found(r);
        assertThat(back.state()).isEqualTo(OutboxState.DELIVERED);
        assertThat(back.payload()).as("the payload after delivery").isNull();
        assertThat(back.nextAttemptAt()).isEqualTo(now);
        assertThat(back).extracting(OutboxRecord::kind, OutboxRecord::attempts, OutboxRecord::createdAt, OutboxRecord::expiresAt)
                .containsExactly(claimed.kind(), 1, claimed.createdAt(), claimed.expiresAt());
        assertThat(outbox().due(now.plus(RETENTION), 100)).isEmpty();
    }

    @Test
    @DisplayName("REL-8 [required] OutboxStore delivered: false and nothing changed unless the owner still holds the message (never claimed, unknown, or taken over after its lease lapsed)")
    void deliveredOnlyByHolder() {
        Instant now = millisNow(clock);
        OutboxRecord unclaimed = added(now);
        OutboxRecord takenOver = takenOver(now);

        assertThat(outbox().delivered(unclaimed.id(), "stale", now)).isFalse();
        assertThat(outbox().delivered(takenOver.id(), "stale", now.plus(LEASE).plusSeconds(2))).isFalse();
        assertThat(outbox().delivered(newId(), "stale", now)).isFalse();

        assertUnchanged(unclaimed, takenOver);
        assertThat(outbox().delivered(takenOver.id(), "sender-b", now.plus(LEASE).plusSeconds(3))).isTrue();
    }

    @Test
    @DisplayName("REL-8 [required] OutboxStore failed: false and nothing changed unless the owner still holds the message (never claimed, unknown, or taken over after its lease lapsed)")
    void failedOnlyByHolder() {
        Instant now = millisNow(clock);
        OutboxRecord unclaimed = added(now);
        OutboxRecord takenOver = takenOver(now);

        assertThat(outbox().failed(unclaimed.id(), "stale", "timeout", now.plusSeconds(60), false)).isFalse();
        assertThat(outbox().failed(takenOver.id(), "stale", "timeout", now.plusSeconds(60), false)).isFalse();
        assertThat(outbox().failed(takenOver.id(), "stale", "timeout", now.plusSeconds(60), true)).isFalse();
        assertThat(outbox().failed(newId(), "stale", "timeout", now.plusSeconds(60), true)).isFalse();

        assertUnchanged(unclaimed, takenOver);
        assertThat(outbox().failed(takenOver.id(), "sender-b", "timeout", now.plusSeconds(60), false)).isTrue();
    }

    @Test
    @DisplayName("REL-8 [required] OutboxStore failed: releases the lease and makes the message PENDING again from nextAttemptAt, with its last error and payload")
    void failedRequeues() {
        Instant now = millisNow(clock);
        OutboxRecord r = added(now);
        claimed(r, "sender-a", now);
        Instant next = now.plusSeconds(60).plusMillis(5);

        assertThat(outbox().failed(r.id(), "sender-a", "421 try again later", next, false)).isTrue();

        assertThat(found(r)).isEqualTo(new OutboxRecord(r.id(), r.kind(), OutboxState.PENDING, 1, r.createdAt(), next,
                null, null, "421 try again later", r.payload(), r.expiresAt()));
        assertThat(outbox().claim(r.id(), "sender-a", next.minusMillis(1), next.plus(LEASE))).isEmpty();
        assertThat(outbox().claim(r.id(), "sender-b", next, next.plus(LEASE))).map(OutboxRecord::attempts).contains(2);
    }

    @Test
    @DisplayName("REL-8 [required] OutboxStore failed: with dead, the message is DEAD with its last error, keeps its payload and is never due")
    void failedDeadEndsDead() {
        Instant now = millisNow(clock);
        OutboxRecord r = added(now);
        claimed(r, "sender-a", now);

        assertThat(outbox().failed(r.id(), "sender-a", "550 mailbox unavailable", now.plusSeconds(60), true)).isTrue();

        OutboxRecord back = found(r);
        assertThat(back).extracting(OutboxRecord::state, OutboxRecord::attempts, OutboxRecord::leaseOwner, OutboxRecord::leaseUntil,
                OutboxRecord::lastError).containsExactly(OutboxState.DEAD, 1, null, null, "550 mailbox unavailable");
        assertThat(back.payload()).isEqualTo(r.payload());
        assertThat(outbox().due(now.plus(RETENTION), 100)).isEmpty();
        assertThat(outbox().claim(r.id(), "sender-b", now.plusSeconds(61), now.plusSeconds(91))).isEmpty();
    }

    @Test
    @DisplayName("REL-8 [required] OutboxStore retry: a DEAD message with its payload is PENDING again, no attempts counted, due at now")
    void retryRequeuesDead() {
        Instant now = millisNow(clock);
        OutboxRecord r = dead(now.minusSeconds(60));
        Instant later = now.plusSeconds(3);

        assertThat(outbox().retry(r.id(), later)).isTrue();

        OutboxRecord back = found(r);
        assertThat(back).extracting(OutboxRecord::state, OutboxRecord::attempts, OutboxRecord::nextAttemptAt, OutboxRecord::leaseOwner,
                OutboxRecord::leaseUntil).containsExactly(OutboxState.PENDING, 0, later, null, null);
        assertThat(back.payload()).isEqualTo(r.payload());
        assertThat(ids(outbox().due(later, 100))).containsExactly(r.id());
        assertThat(outbox().claim(r.id(), "admin-retry", later, later.plus(LEASE))).map(OutboxRecord::attempts).contains(1);
    }

    @Test
    @DisplayName("REL-8 [required] OutboxStore retry: false and nothing changed for a DEAD message without payload, a PENDING or DELIVERED one, or an unknown id")
    void retryRefusesWithoutPayload() {
        Instant now = millisNow(clock);
        OutboxRecord erased = dead(now.minus(RETENTION).minusSeconds(60));
        outbox().purge(now, now.minus(RETENTION.multipliedBy(30)), 100);
        erased = found(erased);
        OutboxRecord pending = added(now);
        OutboxRecord delivered = delivered(now);

        for (OutboxRecord r : List.of(erased, pending, delivered)) {
            assertThat(outbox().retry(r.id(), now)).as("%s", r).isFalse();
            assertUnchanged(r);
        }
        assertThat(outbox().retry(newId(), now)).isFalse();
        assertThat(erased.state()).isEqualTo(OutboxState.DEAD);
        assertThat(erased.payload()).isNull();
    }
}
