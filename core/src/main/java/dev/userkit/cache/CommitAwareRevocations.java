package dev.userkit.cache;

import dev.userkit.domain.SessionId;
import dev.userkit.domain.UserId;
import dev.userkit.events.AfterCommit;
import dev.userkit.spi.RevocationFeed;
import dev.userkit.spi.UnitOfWork;
import java.util.Collection;

/**
 * Passes each revocation on at once and, when it was made inside a unit of work, once more after that
 * unit ends: until a SQL transaction commits, a read on another connection still sees the old rows and
 * could put them back in the cache.
 */
final class CommitAwareRevocations implements RevocationFeed.Listener {
    private final RevocationFeed.Listener target;
    private final AfterCommit afterUnit = new AfterCommit();

    CommitAwareRevocations(RevocationFeed.Listener target) {
        this.target = target;
    }

    /** {@code inner}, with the revocations made inside it passed on again once the outermost unit ends. */
    UnitOfWork around(UnitOfWork inner) {
        return afterUnit.around(inner);
    }

    @Override
    public void sessionsChanged(Collection<SessionId> sessions) {
        afterUnit.runNowAndAfterEnd(() -> target.sessionsChanged(sessions));
    }

    @Override
    public void usersChanged(Collection<UserId> users) {
        afterUnit.runNowAndAfterEnd(() -> target.usersChanged(users));
    }

    @Override
    public void everythingChanged() {
        afterUnit.runNowAndAfterEnd(target::everythingChanged);
    }
}
