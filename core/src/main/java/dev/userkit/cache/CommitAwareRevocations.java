package dev.userkit.cache;

import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.RevocationFeed;
import dev.userkit.spi.UnitOfWork;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * Passes each revocation on at once and, when it was made inside a unit of work, once more after that
 * unit ends: until a SQL transaction commits, a read on another connection still sees the old rows and
 * could put them back in the cache.
 */
final class CommitAwareRevocations implements RevocationFeed.Listener {
    private final RevocationFeed.Listener target;
    private final ThreadLocal<List<Runnable>> afterUnit = new ThreadLocal<>();

    CommitAwareRevocations(RevocationFeed.Listener target) {
        this.target = target;
    }

    /** {@code inner}, with the revocations made inside it passed on again once the outermost unit ends. */
    UnitOfWork around(UnitOfWork inner) {
        return new UnitOfWork() {
            @Override
            public <T> T run(Supplier<T> work) {
                if (afterUnit.get() != null) return inner.run(work);
                List<Runnable> again = new ArrayList<>();
                afterUnit.set(again);
                try {
                    return inner.run(work);
                } finally {
                    afterUnit.remove();
                    again.forEach(Runnable::run);
                }
            }
        };
    }

    @Override
    public void sessionsChanged(Collection<SessionId> sessions) {
        pass(() -> target.sessionsChanged(sessions));
    }

    @Override
    public void usersChanged(Collection<UserId> users) {
        pass(() -> target.usersChanged(users));
    }

    @Override
    public void everythingChanged() {
        pass(target::everythingChanged);
    }

    private void pass(Runnable revocation) {
        revocation.run();
        List<Runnable> again = afterUnit.get();
        if (again != null) again.add(revocation);
    }
}
