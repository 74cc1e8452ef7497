package dev.userkit.testkit.contracts;

import static dev.userkit.testkit.Fixtures.millisNow;
import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.spi.MessageKind;
import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxState;
import dev.userkit.spi.OutboxStore;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@link OutboxStore} contract for keeping the outbox small and visible (REL-8,
 * SEC-12, W6): {@code purge}, {@code deleteDead}, {@code findByState} and {@code countPending};
 * one test per sentence of the port's javadoc.
 *
 * <p>If a test fails, check: {@code purge} counts only rows it changed (an already erased payload
 * is not erased again) and applies its limit to each kind of work; {@code findByState} sorts in
 * the query, not by the row's insertion order; {@code countPending} stops at its limit.
 */
public abstract class OutboxHousekeepingContract extends OutboxFixture {
    @Test
    @DisplayName("SEC-12 REL-8 [required] OutboxStore purge: erases every payload whose expiresAt passed, a PENDING message becoming DEAD with error \"expired\"; returns how many")
    void purgeErasesExpiredPayloads() {
        Instant now = millisNow(clock);
        OutboxRecord pending = added(OutboxRecord.queued(newId(), MessageKind.PASSWORD_RESET, randomPayload(), now.minusSeconds(60), now.minusMillis(1)));
        OutboxRecord dead = dead(now.minus(RETENTION).minusSeconds(1));
        OutboxRecord live = added(OutboxRecord.queued(newId(), MessageKind.VERIFY_EMAIL, randomPayload(), now.minusSeconds(60), now.plusMillis(1)));
        Instant cut = now.minus(RETENTION.multipliedBy(30));
        OutboxRecord deliveredLongAgo = delivered(now.minus(RETENTION).minusSeconds(2));

        assertThat(outbox().purge(now, cut, 100)).isEqualTo(2);

        OutboxRecord expired = found(pending);
        assertThat(expired).extracting(OutboxRecord::state, OutboxRecord::lastError).containsExactly(OutboxState.DEAD, "expired");
        assertThat(expired.payload()).isNull();
        assertThat(found(dead).state()).isEqualTo(OutboxState.DEAD);
        assertThat(found(dead).payload()).isNull();
        assertUnchanged(live, deliveredLongAgo);
        assertThat(outbox().due(now, 100)).extracting(OutboxRecord::id).containsExactly(live.id());
        assertThat(outbox().purge(now, cut, 100)).isZero();
    }

    @Test
    @DisplayName("REL-8 [required] OutboxStore purge: deletes DELIVERED messages delivered before deliveredBefore, and nothing else; returns how many")
    void purgeDeletesOldDelivered() {
        Instant now = millisNow(clock);
        Instant cut = now.minusSeconds(3600);
        OutboxRecord old = delivered(cut.minusMillis(1));
        OutboxRecord recent = delivered(cut.plusMillis(1));
        OutboxRecord oldPending = added(cut.minusSeconds(60));
        OutboxRecord oldDead = dead(cut.minusSeconds(50));

        assertThat(outbox().purge(now, cut, 100)).isEqualTo(1);

        assertThat(outbox().findById(old.id())).isEmpty();
        assertUnchanged(recent, oldPending, oldDead);
        assertThat(outbox().purge(now, cut, 100)).isZero();
    }

    @Test
    @DisplayName("REL-8 [required] OutboxStore purge: touches at most limit rows for each kind of work, the next call going on")
    void purgeRespectsLimit() {
        Instant now = millisNow(clock);
        Instant cut = now.minusSeconds(3600);
        List<OutboxRecord> expiring = IntStream.range(0, 3).mapToObj(i -> added(OutboxRecord.queued(newId(), MessageKind.PASSWORD_RESET,
                randomPayload(), now.minusSeconds(60 + i), now.minusSeconds(i + 1)))).toList();
        List<OutboxRecord> old = IntStream.range(0, 3).mapToObj(i -> delivered(cut.minusSeconds(i + 1))).toList();

        assertThat(outbox().purge(now, cut, 2)).isEqualTo(4);
        assertThat(expiring.stream().map(this::found).filter(r -> r.payload() == null)).hasSize(2);
        assertThat(old.stream().filter(r -> outbox().findById(r.id()).isPresent())).hasSize(1);

        assertThat(outbox().purge(now, cut, 2)).isEqualTo(2);
        assertThat(outbox().purge(now, cut, 2)).isZero();
        assertThat(expiring.stream().map(this::found)).allSatisfy(r -> assertThat(r.payload()).isNull());
    }

    @Test
    @DisplayName("W6 [required] OutboxStore deleteDead: deletes up to limit DEAD messages created before the cut, and nothing else; returns how many")
    void deleteDeadDeletesOldDeadOnly() {
        Instant now = millisNow(clock);
        Instant cut = now.minusSeconds(3600);
        List<OutboxRecord> oldDead = IntStream.range(0, 3).mapToObj(i -> dead(cut.minusSeconds(i + 1))).toList();
        OutboxRecord recentDead = dead(cut.plusMillis(1));
        OutboxRecord oldPending = added(cut.minusSeconds(60));
        OutboxRecord oldDelivered = delivered(cut.minusSeconds(70));

        assertThat(outbox().deleteDead(cut, 2)).isEqualTo(2);
        assertThat(outbox().deleteDead(cut, 2)).isEqualTo(1);
        assertThat(outbox().deleteDead(cut, 2)).isZero();

        assertThat(oldDead).allSatisfy(r -> assertThat(outbox().findById(r.id())).isEmpty());
        assertUnchanged(recentDead, oldPending, oldDelivered);
    }

    @Test
    @DisplayName("REL-8 [required] OutboxStore findByState: only messages in that state, oldest first, at most limit")
    void findByStateOrdersAndLimits() {
        Instant now = millisNow(clock);
        OutboxRecord second = added(now.minusSeconds(20));
        OutboxRecord third = added(now.plusSeconds(10));
        OutboxRecord first = added(now.minusSeconds(30));
        OutboxRecord deadLater = dead(now.minusSeconds(5));
        OutboxRecord deadEarlier = dead(now.minusSeconds(15));
        OutboxRecord delivered = delivered(now.minusSeconds(25));

        assertThat(ids(outbox().findByState(OutboxState.PENDING, 100))).containsExactly(first.id(), second.id(), third.id());
        assertThat(ids(outbox().findByState(OutboxState.PENDING, 2))).containsExactly(first.id(), second.id());
        assertThat(outbox().findByState(OutboxState.DEAD, 100)).containsExactly(deadEarlier, deadLater);
        assertThat(outbox().findByState(OutboxState.DELIVERED, 100)).containsExactly(delivered);
    }

    @Test
    @DisplayName("W6 [required] OutboxStore countPending: counts PENDING messages, due or not, leased or not, and no DELIVERED or DEAD one")
    void countPendingCountsPendingOnly() {
        Instant now = millisNow(clock);
        assertThat(outbox().countPending(100)).isZero();
        added(now.minusSeconds(60));
        added(now.plusSeconds(3600));
        claimed(added(now.minusSeconds(30)), "sender", now);
        delivered(now.minusSeconds(20));
        dead(now.minusSeconds(10));

        assertThat(outbox().countPending(100)).isEqualTo(3);
    }

    @Test
    @DisplayName("W6 [required] OutboxStore countPending: stops at limit, and a limit of 0 counts nothing")
    void countPendingStopsAtLimit() {
        Instant now = millisNow(clock);
        IntStream.range(0, 5).forEach(i -> added(now.minusSeconds(i)));

        assertThat(outbox().countPending(3)).isEqualTo(3);
        assertThat(outbox().countPending(5)).isEqualTo(5);
        assertThat(outbox().countPending(6)).isEqualTo(5);
        assertThat(outbox().countPending(0)).isZero();
    }
}
