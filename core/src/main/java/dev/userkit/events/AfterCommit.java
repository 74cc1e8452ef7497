package dev.userkit.events;

import dev.userkit.spi.UnitOfWork;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Holds back actions asked for inside a unit of work until that unit has returned, so that what
 * they report (a message counted as queued, a sender woken for it) is never something a rollback
 * took back. An action asked for outside any unit runs at once; inside, it runs after the outermost
 * unit returns, and not at all when the unit throws. On a store without transactions a failed unit
 * may leave its earlier writes behind; the caller was told the operation failed, so nothing is
 * reported for them either.
 */
public final class AfterCommit {
    private final ThreadLocal<List<Runnable>> pending = new ThreadLocal<>();

    /**
     * The unit of work whose outermost runs hold back the actions asked for inside them.
     *
     * @param inner the store's unit of work
     * @return {@code inner}, running the held-back actions after each outermost unit that returns
     */
    public UnitOfWork around(UnitOfWork inner) {
        return new UnitOfWork() {
            @Override
            public <T> T run(Supplier<T> work) {
                if (pending.get() != null) return inner.run(work);
                List<Runnable> actions = new ArrayList<>();
                pending.set(actions);
                T result;
                try {
                    result = inner.run(work);
                } finally {
                    pending.remove();
                }
                actions.forEach(Runnable::run);
                return result;
            }
        };
    }

    /**
     * Runs {@code action} now, or once the unit of work this thread is in has returned.
     *
     * @param action what to do after the commit
     */
    public void run(Runnable action) {
        List<Runnable> actions = pending.get();
        if (actions == null) action.run();
        else actions.add(action);
    }
}
