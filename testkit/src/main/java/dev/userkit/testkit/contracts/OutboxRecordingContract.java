package dev.userkit.testkit.contracts;

import static dev.userkit.testkit.Fixtures.millisNow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.OutboxRecord;
import dev.userkit.spi.OutboxStore;
import dev.userkit.testkit.Capability;
import dev.userkit.testkit.OptionalCapability;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@link OutboxStore} contract for recording messages (REL-8): {@code add} and
 * {@code findById}, alone and inside a unit of work; one test per sentence of the port's javadoc.
 *
 * <p>If a test fails, check: the payload is kept as raw bytes (a binary column, not text), every
 * one of them; an existing id is a unique-key clash mapped to {@code DuplicateKeyException}; inside
 * a unit of work {@code add} uses the unit's connection, not one of its own.
 */
public abstract class OutboxRecordingContract extends OutboxFixture {
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

    /** If this fails, add took a connection of its own instead of the unit's. */    @Test
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
}
