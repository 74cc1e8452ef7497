package dev.userkit.assembly;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread owned by a kit that runs a pass now and again a fixed delay after each pass
 * ends, and stops with a bounded wait: the outbox's sender and scheduled maintenance share it.
 * Callers keep their own stop flag, so that a pass in hand ends at a safe point.
 */
public final class DaemonScheduler {
    private final String threadName;
    private ScheduledExecutorService executor;

    /**
     * A scheduler not yet started.
     *
     * @param threadName the name of its thread, e.g. {@code userkit-outbox}
     */
    public DaemonScheduler(String threadName) {
        this.threadName = threadName;
    }

    /**
     * Starts the thread: {@code pass} runs now, then {@code every} after each run ends.
     *
     * @param pass what to run; it must not throw (a thrown exception would end the schedule)
     * @param every the delay between the end of one pass and the start of the next
     * @return false, changing nothing, if it was running already
     */
    public synchronized boolean start(Runnable pass, Duration every) {
        if (executor != null) return false;
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(pass, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return true;
    }

    /**
     * Runs {@code task} once on the thread after {@code delay}, if it is running.
     *
     * @param task what to run
     * @param delay how long to wait first
     * @return false if the scheduler is not running (or is stopping)
     */
    public boolean once(Runnable task, Duration delay) {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
        }
        if (running == null) return false;
        try {
            running.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException stopped) {
            return false;
        }
    }

    /**
     * Stops the thread: no new pass starts, the one in hand may finish within {@code wait}, after
     * which the thread is interrupted. Idempotent.
     *
     * @param wait how long to wait for the pass in hand
     */
    public void stop(Duration wait) {
        ScheduledExecutorService running;
        synchronized (this) {
            running = executor;
            executor = null;
        }
        if (running == null) return;
        running.shutdown();
        try {
            if (!running.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) running.shutdownNow();
        } catch (InterruptedException e) {
            running.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
