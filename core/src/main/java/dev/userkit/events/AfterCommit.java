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
 *
 * <p>An action that must also happen after a failed unit (the validation cache's eviction, which a
 * reader on another connection can undo until the transaction ends) is asked for with
 * {@link #runNowAndAfterEnd(Runnable)} instead.
 */
public final class AfterCommit {
    private final ThreadLocal<Pending> pending = new ThreadLocal<>();

    /**
     * The unit of work whose outermost runs hold back the actions asked for inside them.
     *
     * @param inner the store's unit of work
     * @return {@code inner}, running the held-back actions after each outermost unit
     */
    public UnitOfWork around(UnitOfWork inner) {
        return new UnitOfWork() {
            @Override
            public <T> T run(Supplier<T> work) {
                if (pending.get() != null) return inner.run(work);
                Pending actions = new Pending();
                pending.set(actions);
                T result;
                try {
                    result = inner.run(work);
                } finally {
                    pending.remove();
                    actions.afterEnd.forEach(Runnable::run);
                }
                actions.afterReturn.forEach(Runnable::run);
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
        Pending actions = pending.get();
        if (actions == null) action.run();
        else actions.afterReturn.add(action);
    }

    /**
     * Runs {@code action} now and, when this thread is in a unit of work, once more after the outermost
     * unit has ended, whether it returned or threw: for an action whose effect a read on another
     * connection may undo until the transaction ends. The repeats run before the actions held back by
     * {@link #run(Runnable)}.
     *
     * @param action what to do now and again after the unit
     */
    public void runNowAndAfterEnd(Runnable action) {
        action.run();
        Pending actions = pending.get();
        if (actions != null) actions.afterEnd.add(action);
    }

    /** What one outermost unit holds back. */
    private static final class Pending {
        final List<Runnable> afterReturn = new ArrayList<>();
        final List<Runnable> afterEnd = new ArrayList<>();
    }
}
