package dev.userkit.testkit.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.spi.MessageKind;
import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxStore;
import dev.userkit.testkit.StoreFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the {@link OutboxStore} contracts share: messages with random payloads (as the ciphertext
 * core hands the store) at whole-millisecond instants, and the steps that bring a message into each
 * state (added, claimed, delivered, dead, taken over after a lapsed lease).
 */
abstract class OutboxFixture extends StoreFixture {
    static final Duration LEASE = Duration.ofSeconds(30);
    static final Duration RETENTION = Duration.ofDays(1);
    private static final int PAYLOAD_BYTES = 256;

    OutboxStore outbox() {
        assertThat(stores.outbox()).as("the store's OutboxStore (Stores.Builder.outbox)").isNotNull();
        return stores.outbox();
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static byte[] randomPayload() {
        byte[] bytes = new byte[PAYLOAD_BYTES];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** A new message due at {@code at}, whose payload expires a day and an odd millisecond later. */
    static OutboxRecord queued(MessageKind kind, Instant at) {
        return OutboxRecord.queued(newId(), kind, randomPayload(), at, at.plus(RETENTION).plusMillis(7));
    }

    OutboxRecord added(Instant at) {
        return added(OutboxRecord.queued(newId(), MessageKind.PASSWORD_RESET, randomPayload(), at, at.plus(RETENTION)));
    }

    OutboxRecord added(OutboxRecord r) {
        outbox().add(r);
        return r;
    }

    OutboxRecord claimed(OutboxRecord r, String owner, Instant now) {
        return outbox().claim(r.id(), owner, now, now.plus(LEASE)).orElseThrow(() -> new AssertionError("claim of " + r.id()));
    }

    OutboxRecord delivered(Instant at) {
        OutboxRecord r = added(at);
        claimed(r, "sender", at);
        assertThat(outbox().delivered(r.id(), "sender", at)).as("delivered").isTrue();
        return found(r);
    }

    OutboxRecord dead(Instant at) {
        OutboxRecord r = added(at);
        claimed(r, "sender", at);
        assertThat(outbox().failed(r.id(), "sender", "550 mailbox unavailable", at.plusSeconds(60), true)).as("failed").isTrue();
        return found(r);
    }

    /** A message claimed by "stale" at {@code now}, whose lease lapsed and which "sender-b" then claimed. */
    OutboxRecord takenOver(Instant now) {
        OutboxRecord r = added(now);
        claimed(r, "stale", now);
        return claimed(r, "sender-b", now.plus(LEASE).plusSeconds(1));
    }

    OutboxRecord found(OutboxRecord r) {
        return outbox().findById(r.id()).orElseThrow(() -> new AssertionError("message " + r.id() + " is gone"));
    }

    /** Each message is stored exactly as given. */
    void assertUnchanged(OutboxRecord... records) {
        for (OutboxRecord r : records) assertThat(outbox().findById(r.id())).as("%s", r).contains(r);
    }

    static List<String> ids(List<OutboxRecord> records) {
        return records.stream().map(OutboxRecord::id).toList();
    }
}
