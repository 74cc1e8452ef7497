package dev.userkit.events;

import dev.userkit.spi.UnitOfWork;
import java.util.List;
import java.util.function.Supplier;

/** A unit of work that writes "commit" to a log when its work returns, to order held-back actions against. */
public final class CommitLoggingUnit implements UnitOfWork {
    private final List<String> log;

    /**
     * A unit logging into {@code log}.
     *
     * @param log where "commit" is written
     */
    public CommitLoggingUnit(List<String> log) {
        this.log = log;
    }

    @Override
    public <T> T run(Supplier<T> work) {
        T result = work.get();
        log.add("commit");
        return result;
    }
}
