package dev.userkit.bench;

import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.SessionRecord;
import dev.userkit.spi.SessionStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-memory store's lookup of a session by token hash (every validation does one), against a
 * plain {@link ConcurrentHashMap#get} over the same keys: the floor for a map-backed lookup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SessionLookupBenchmark {
    @Param("10000")
    int sessions;

    private SessionStore store;
    private final Map<String, SessionRecord> map = new ConcurrentHashMap<>();
    private KeyCycle hashes;

    /** Fills the store and the baseline map with the same sessions. */
    @Setup(Level.Trial)
    public void fill() {
        store = InMemoryStores.create().sessions();
        String[] keys = SessionFill.fill(store, sessions, r -> map.put(r.tokenHash(), r));
        hashes = new KeyCycle(keys);
    }

    /** Baseline: one ConcurrentHashMap.get. */
    @Benchmark
    public SessionRecord baselineConcurrentHashMapGet() {
        return map.get(hashes.next());
    }

    /** The in-memory SessionStore's findByTokenHash. */
    @Benchmark
    public Optional<SessionRecord> findByTokenHash() {
        return store.findByTokenHash(hashes.next());
    }
}
