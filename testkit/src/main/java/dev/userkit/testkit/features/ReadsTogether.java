package dev.userkit.testkit.features;

import dev.userkit.spi.SessionAccess;
import dev.userkit.spi.SessionReads;
import dev.userkit.spi.SessionWithUser;
import java.util.Optional;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Session reads that hold each validation's read until {@code parties} of them have read: every
 * one of them then decides on the same stored state, the worst case for a sliding write that is
 * not guarded, without relying on the scheduler to interleave the threads.
 */
final class ReadsTogether implements SessionReads {
    private static final long TIMEOUT_SECONDS = 30;

    private final SessionReads delegate;
    private final CyclicBarrier allRead;

    ReadsTogether(SessionReads delegate, int parties) {
        this.delegate = delegate;
        this.allRead = new CyclicBarrier(parties);
    }

    @Override
    public Optional<SessionWithUser> findWithUser(String tokenHash) {
        Optional<SessionWithUser> read = delegate.findWithUser(tokenHash);
        try {
            allRead.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the other reads", e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("not every validation read the session", e);
        }
        return read;
    }

    @Override
    public Optional<SessionAccess> findWithRoles(String tokenHash) {
        return delegate.findWithRoles(tokenHash);
    }
}
