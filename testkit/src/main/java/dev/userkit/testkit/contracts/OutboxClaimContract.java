package dev.userkit.testkit.contracts;

import static dev.userkit.testkit.Fixtures.millisNow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxState;
import dev.userkit.spi.OutboxStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@link OutboxStore} contract for handing messages to senders (REL-8): {@code due}
 * and {@code claim}, their leases and their races; one test per sentence of the port's javadoc.
 *
 * <p>If a test fails, check: {@code claim} is one conditional update (state PENDING, due, and
 * lease null or before now, in the {@code WHERE} of the update or in the filter of a
 * find-and-modify) whose own answer decides the winner: a read followed by a write lets two
 * senders win the 16-claim race; {@code due} sorts in the query, not by the row's insertion order.
 */
public abstract class OutboxClaimContract extends OutboxFixture {
    @Test
    @DisplayName("REL-8 [required] OutboxStore due: only PENDING messages due at or before now, unleased or whose lease lapsed before now")
    void dueSelectsClaimable() {
        Instant now = millisNow(clock);
        OutboxRecord old = added(now.minusSeconds(60));
        OutboxRecord dueNow = added(now);
        added(now.plusMillis(1));
        OutboxRecord lapsed = added(now.minusSeconds(50));
        outbox().claim(lapsed.id(), "gone", now.minusSeconds(50), now.minusMillis(1));
        OutboxRecord leased = added(now.minusSeconds(40));
        outbox().claim(leased.id(), "busy", now.minusSeconds(40), now.plusMillis(1));
        OutboxRecord retried = added(now.minusSeconds(30));
        claimed(retried, "sender", now.minusSeconds(30));
        outbox().failed(retried.id(), "sender", "timeout", now.plusSeconds(60), false);
        delivered(now.minusSeconds(20));
        dead(now.minusSeconds(10));

        assertThat(ids(outbox().due(now, 100))).containsExactlyInAnyOrder(old.id(), lapsed.id(), dueNow.id());
    }

    @Test
    @DisplayName("REL-8 [required] OutboxStore due: oldest nextAttemptAt first, at most limit")
    void dueOrdersAndLimits() {
        Instant now = millisNow(clock);
        OutboxRecord second = added(now.minusSeconds(20));
        OutboxRecord fourth = added(now);
        OutboxRecord first = added(now.minusSeconds(30));
        OutboxRecord third = added(now.minusMillis(1));

        assertThat(ids(outbox().due(now, 100))).containsExactly(first.id(), second.id(), third.id(), fourth.id());
        assertThat(ids(outbox().due(now, 2))).containsExactly(first.id(), second.id());
        assertThat(outbox().due(now.minusSeconds(31), 100)).isEmpty();
    }

    @Test
    @DisplayName("REL-8 [required] OutboxStore claim: counts the attempt and sets the lease, returning the claimed message as findById then sees it")
    void claimCountsAttemptAndLeases() {
        Instant now = millisNow(clock);
        OutboxRecord r = added(now.minusSeconds(5));
        Instant until = now.plus(LEASE).plusMillis(3);

        OutboxRecord claimed = outbox().claim(r.id(), "sender-a", now, until).orElseThrow();

        assertThat(claimed).isEqualTo(new OutboxRecord(r.id(), r.kind(), OutboxState.PENDING, 1, r.createdAt(), r.nextAttemptAt(),
                "sender-a", until, null, r.payload(), r.expiresAt()));
        assertThat(found(r)).isEqualTo(claimed);
        outbox().failed(r.id(), "sender-a", "timeout", now.plusSeconds(1), false);
        assertThat(outbox().claim(r.id(), "sender-b", now.plusSeconds(1), until.plusSeconds(1))).map(OutboxRecord::attempts).contains(2);
    }

    @Test
    @DisplayName("REL-8 [required] OutboxStore claim: a leased message is refused, to its holder too, until the lease lapses; then another owner gets it")
    void claimRespectsLease() {
        Instant now = millisNow(clock);
        OutboxRecord r = added(now);
        Instant until = now.plus(LEASE);
        outbox().claim(r.id(), "sender-a", now, until).orElseThrow();

        assertThat(outbox().claim(r.id(), "sender-b", now.plusSeconds(1), now.plusSeconds(31))).isEmpty();
        assertThat(outbox().claim(r.id(), "sender-a", until.minusMillis(1), until.plus(LEASE))).isEmpty();
        assertThat(found(r).leaseOwner()).isEqualTo("sender-a");

        Optional<OutboxRecord> taken = outbox().claim(r.id(), "sender-b", until.plusMillis(1), until.plus(LEASE));

        assertThat(taken).map(OutboxRecord::leaseOwner).contains("sender-b");
        assertThat(taken).map(OutboxRecord::attempts).contains(2);
        assertThat(found(r)).isEqualTo(taken.orElseThrow());
    }

    @Test
    @DisplayName("REL-8 [required] OutboxStore claim: empty for a message not yet due, delivered, dead, or unknown")
    void claimRefusesWhatIsNotDue() {
        Instant now = millisNow(clock);
        OutboxRecord future = added(now.plusMillis(1));
        OutboxRecord delivered = delivered(now.minusSeconds(10));
        OutboxRecord dead = dead(now.minusSeconds(5));

        for (OutboxRecord r : List.of(future, delivered, dead)) {
            assertThat(outbox().claim(r.id(), "sender-b", now, now.plus(LEASE))).as("%s", r).isEmpty();
            assertUnchanged(r);
        }
        assertThat(outbox().claim(newId(), "sender-b", now, now.plus(LEASE))).isEmpty();
    }

    /**
     * If this fails, claim reads the message and then writes its lease: let the conditional
     * update decide (only the caller whose update changed the row wins).
     */    @Test
    @DisplayName("REL-8 [required] OutboxStore claim: 16 concurrent claims of one message, exactly one wins and holds it")
    void concurrentClaimsHaveOneWinner() {
        Instant now = millisNow(clock);
        OutboxRecord r = added(now);

        List<Race.Outcome<Optional<OutboxRecord>>> outcomes = Race.run(16, i -> outbox().claim(r.id(), "sender-" + i, now, now.plus(LEASE)));

        assertThat(Race.errors(outcomes)).isEmpty();
        List<OutboxRecord> wins = Race.values(outcomes).stream().flatMap(Optional::stream).toList();
        assertThat(wins).hasSize(1);
        assertThat(found(r)).isEqualTo(wins.get(0));
        assertThat(wins.get(0).attempts()).isEqualTo(1);
    }

    @Test
    @DisplayName("REL-8 [required] OutboxStore claim: 8 senders that read the same due list and claim all of it concurrently claim each message exactly once")
    void concurrentSendersShareTheQueue() {
        Instant now = millisNow(clock);
        List<String> queued = IntStream.range(0, 24).mapToObj(i -> added(now.minusMillis(i)).id()).toList();
        List<OutboxRecord> due = outbox().due(now, 100);

        List<Race.Outcome<List<String>>> outcomes = Race.run(8, i -> due.stream()
                .flatMap(r -> outbox().claim(r.id(), "sender-" + i, now, now.plus(LEASE)).stream()).map(OutboxRecord::id).toList());

        assertThat(Race.errors(outcomes)).isEmpty();
        assertThat(Race.values(outcomes).stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(queued);
        assertThat(outbox().due(now, 100)).isEmpty();
    }
}
