package dev.userkit.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What Linux's scheduler counted for one process or thread ({@code /proc/<pid>/schedstat}): time on a
 * CPU, time runnable but waiting on a run queue, and how many times it was put on a CPU. The run-queue
 * wait is what a busy machine adds to a request that needs no lock and no I/O.
 *
 * @param cpuNanos time spent on a CPU
 * @param waitNanos time spent runnable, waiting for a CPU
 * @param slices times it was scheduled in
 */
record SchedStat(long cpuNanos, long waitNanos, long slices) {
    static final SchedStat ZERO = new SchedStat(0, 0, 0);

    /**
     * @param pid a process (a PostgreSQL backend is one single-threaded process)
     * @return its counters, or {@link #ZERO} if it has gone
     */
    static SchedStat ofProcess(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "schedstat"));
    }

    /** @return the calling thread's counters, or {@link #ZERO} where Linux's {@code /proc} is not there */
    static SchedStat ofCurrentThread() {
        return read(Path.of("/proc/thread-self/schedstat"));
    }

    /** @return this JVM's threads by Linux thread id, with their names ({@code comm}: 15 characters at most) */
    static Map<Long, String> jvmThreads() {
        Map<Long, String> out = new LinkedHashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tasks.forEach(t -> {
                try {
                    out.put(Long.parseLong(t.getFileName().toString()), Files.readString(t.resolve("comm")).strip());
                } catch (IOException e) {
                    // the thread ended while the list was read
                }
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/task", e);
        }
        return out;
    }

    /**
     * @param tid a thread of this JVM
     * @return its counters, or {@link #ZERO} if it has ended
     */
    static SchedStat ofJvmThread(long tid) {
        return read(Path.of("/proc/self/task", Long.toString(tid), "schedstat"));
    }

    SchedStat plus(SchedStat o) {
        return new SchedStat(cpuNanos + o.cpuNanos, waitNanos + o.waitNanos, slices + o.slices);
    }

    SchedStat minus(SchedStat o) {
        return new SchedStat(cpuNanos - o.cpuNanos, waitNanos - o.waitNanos, slices - o.slices);
    }

    private static SchedStat read(Path file) {
        try {
            String[] f = Files.readString(file).strip().split(" ");
            return new SchedStat(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]));
        } catch (IOException e) {
            return ZERO;
        }
    }
}
