package dev.userkit.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.events.CommitLoggingUnit;
import dev.userkit.spi.RevocationFeed;
import dev.userkit.spi.UnitOfWork;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A revocation inside a unit of work reaches the cache at once and again once the unit has ended (committed). */
class CommitAwareRevocationsTest {
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final CommitAwareRevocations revocations = new CommitAwareRevocations(new RevocationFeed.Listener() {
        @Override
        public void sessionsChanged(Collection<SessionId> sessions) {
            told.add("sessions");
        }

        @Override
        public void usersChanged(Collection<UserId> users) {
            told.add("users");
        }

        @Override
        public void everythingChanged() {
            told.add("everything");
        }
    });
    private final UnitOfWork unit = revocations.around(new CommitLoggingUnit(told));

    @Test
    @DisplayName("outside a unit of work a revocation is passed on once")
    void outsideOnce() {
        revocations.usersChanged(List.of(IdGenerator.userId()));
        assertThat(told).containsExactly("users");
    }

    @Test
    @DisplayName("inside nested units a revocation is passed on at once and again after the outermost commit")
    void insideAgainAfterCommit() {
        unit.run(() -> unit.run(() -> {
            revocations.sessionsChanged(List.of(IdGenerator.sessionId()));
            revocations.everythingChanged();
            return null;
        }));
        assertThat(told).containsExactly("sessions", "everything", "commit", "commit", "sessions", "everything");
    }

    @Test
    @DisplayName("a unit that throws passes its revocations on again too, and the next unit starts clean")
    void afterFailureToo() {
        assertThatThrownBy(() -> unit.run(() -> {
            revocations.usersChanged(List.of(IdGenerator.userId()));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        unit.run(() -> "nothing revoked");
        assertThat(told).containsExactly("users", "users", "commit");
    }
}
