package dev.userkit.testkit.contracts;

import static dev.userkit.testkit.Fixtures.millisNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxState;
import dev.userkit.spi.OutboxStore;
import dev.userkit.testkit.Capability;
import dev.userkit.testkit.OptionalCapability;
import dev.userkit.testkit.StoreFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@link OutboxStore} contract (REL-8): one test per sentence of its javadoc. Payloads are
 * random bytes, as the ciphertext core hands the store; instants are whole milliseconds.
 *
 * <p>If a test fails, check: the payload is kept as raw bytes (a binary column, not text), every
 * one of them, and erased to null, not to an empty array; {@code claim} is one conditional
 * update (state PENDING, due, and lease null or before now, in the {@code WHERE} of the update or
 * in the filter of a find-and-modify) whose own answer decides the winner: a read followed by a
 * write lets two senders win the 16-claim race; {@code delivered} and {@code failed} carry the
 * owner in their condition, so a sender whose lease lapsed and was taken over changes nothing;
 * {@code failed} clears the lease; {@code due} and {@code findByState} sort in the query, not by
 * the row's insertion order; {@code purge} counts only rows it changed (an already erased payload
 * is not erased again) and applies its limit to each kind of work.
 */
public abstract class OutboxContract extends StoreFixture {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration RETENTION = Duration.ofDays(1);
    private static final int PAYLOAD_BYTES = 256;

    private OutboxStore outbox() {
        assertThat(stores.outbox()).as("the store's OutboxStore (Stores.Builder.outbox)").isNotNull();
        return stores.outbox();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static byte[] randomPayload() {
        byte[] bytes = new byte[PAYLOAD_BYTES];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** A new message due at {@code at}, whose payload expires a day and an odd millisecond later. */
    private static OutboxRecord queued(MessageKind kind, Instant at) {
        return OutboxRecord.queued(newId(), kind, randomPayload(), at, at.plus(RETENTION).plusMillis(7));
    }

    private OutboxRecord added(Instant at) {
        return added(OutboxRecord.queued(newId(), MessageKind.PASSWORD_RESET, randomPayload(), at, at.plus(RETENTION)));
    }

    private OutboxRecord added(OutboxRecord r) {
        outbox().add(r);
        return r;
    }

    private OutboxRecord claimed(OutboxRecord r, String owner, Instant now) {
        return outbox().claim(r.id(), owner, now, now.plus(LEASE)).orElseThrow(() -> new AssertionError("claim of " + r.id()));
    }

    private OutboxRecord delivered(Instant at) {
        OutboxRecord r = added(at);
        claimed(r, "sender", at);
        assertThat(outbox().delivered(r.id(), "sender", at)).as("delivered").isTrue();
        return found(r);
    }

    private OutboxRecord dead(Instant at) {
        OutboxRecord r = added(at);
        claimed(r, "sender", at);
        assertThat(outbox().failed(r.id(), "sender", "550 mailbox unavailable", at.plusSeconds(60), true)).as("failed").isTrue();
        return found(r);
    }

    /** A message claimed by "stale" at {@code now}, whose lease lapsed and which "sender-b" then claimed. */
    private OutboxRecord takenOver(Instant now) {
        OutboxRecord r = added(now);
        claimed(r, "stale", now);
        return claimed(r, "sender-b", now.plus(LEASE).plusSeconds(1));
    }

    private OutboxRecord found(OutboxRecord r) {
        return outbox().findById(r.id()).orElseThrow(() -> new AssertionError("message " + r.id() + " is gone"));
    }

    /** Each message is stored exactly as given. */
    private void assertUnchanged(OutboxRecord... records) {
        for (OutboxRecord r : records) assertThat(outbox().findById(r.id())).as("%s", r).contains(r);
    }

    private static List<String> ids(List<OutboxRecord> records) {
        return records.stream().map(OutboxRecord::id).toList();
    }

    @Test
    @DisplayName("REL-8 [required] OutboxStore add: findById returns the message with every field intact, payload bytes equal, for every kind")
    void addThenFindRoundTrips() {
        Instant at = millisNow(clock);
        for (MessageKind kind : MessageKind.values()) {
            OutboxRecord r = added(queued(kind, at));

            OutboxRecord back = found(r);

            assertThat(back).as("%s", kind).isEqualTo(r);
            assertThat(back.payload()).as("%s payload", kind).isEqualTo(r.payload());
        }
        assertThat(outbox().findById(newId())).isEmpty();
    }

    @Test
    @DisplayName("REL-8 [required] OutboxStore add: an existing id throws DuplicateKeyException and leaves the first message as it was")
    void addDuplicateIdThrows() {
        Instant at = millisNow(clock);
        OutboxRecord first = added(at);
        OutboxRecord clash = OutboxRecord.queued(first.id(), MessageKind.VERIFY_EMAIL, randomPayload(), at.plusSeconds(1), at.plus(RETENTION));

        assertThatThrownBy(() -> outbox().add(clash)).isInstanceOf(DuplicateKeyException.class);
        assertUnchanged(first);
    }

    @Test
    @DisplayName("REL-8 [required] OutboxStore add: inside a unit of work that returns, the message is committed")
    void addInsideUnitCommits() {
        OutboxRecord r = stores.unitOfWork().run(() -> added(millisNow(clock)));

        assertThat(CompletableFuture.supplyAsync(() -> outbox().findById(r.id())).join()).contains(r);
    }

    /** If this fails, add took a connection of its own instead of the unit's. */
    @Test
    @OptionalCapability(Capability.TRANSACTIONS)
    @DisplayName("REL-8 [optional: supportsTransactions] OutboxStore add: inside a unit of work that throws, the message is rolled back")
    void addInsideFailedUnitRollsBack() {
        OutboxRecord r = queued(MessageKind.PASSWORD_RESET, millisNow(clock));

        Throwable thrown = catchThrowable(() -> stores.unitOfWork().run(() -> {
            outbox().add(r);
            throw new IllegalStateException("injected fault after the message");
        }));

        assertThat(thrown).isInstanceOf(IllegalStateException.class);
        assertThat(outbox().findById(r.id())).isEmpty();
    }

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
     */
    @Test
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
