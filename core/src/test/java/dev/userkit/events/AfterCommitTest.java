package dev.userkit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.spi.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Held-back actions run after the outermost unit: those asked for with run() only when it returned. */
class AfterCommitTest {
    private final List<String> done = new ArrayList<>();
    private final AfterCommit afterCommit = new AfterCommit();
    private final UnitOfWork unit = afterCommit.around(new CommitLoggingUnit(done));

    @Test
    @DisplayName("outside a unit of work an action runs at once")
    void outsideAtOnce() {
        afterCommit.run(() -> done.add("reported"));
        assertThat(done).containsExactly("reported");
    }

    @Test
    @DisplayName("inside nested units the repeats run after the outermost commit, then the held-back actions")
    void afterOutermostReturn() {
        String result = unit.run(() -> unit.run(() -> {
            afterCommit.run(() -> done.add("reported"));
            afterCommit.runNowAndAfterEnd(() -> done.add("evicted"));
            return "ok";
        }));
        assertThat(result).isEqualTo("ok");
        assertThat(done).containsExactly("evicted", "commit", "commit", "evicted", "reported");
    }

    @Test
    @DisplayName("a unit that throws drops its held-back actions but still repeats, and the next unit starts clean")
    void throwingUnit() {
        assertThatThrownBy(() -> unit.run(() -> {
            afterCommit.run(() -> done.add("reported"));
            afterCommit.runNowAndAfterEnd(() -> done.add("evicted"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        unit.run(() -> "nothing asked for");
        assertThat(done).containsExactly("evicted", "evicted", "commit");
    }
}
