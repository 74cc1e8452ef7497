package dev.userkit.bench.rounds;

import dev.userkit.spi.Stores;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A store the bench runs on: its UserKit stores, its raw baselines on the same pool, Spring
 * Session on the same pool, and what to close after it, in reverse order of opening.
 */
final class BenchTarget implements AutoCloseable {
    private final String key;
    private final String description;
    private final Stores stores;
    private final RawStore raw;
    private final SpringSessionPeer<?> peer;
    private final Deque<AutoCloseable> closers;
    private StatementCounter counter;

    BenchTarget(String key, String description, Stores stores, RawStore raw, SpringSessionPeer<?> peer, Deque<AutoCloseable> closers) {
        this.key = key;
        this.description = description;
        this.stores = stores;
        this.raw = raw;
        this.peer = peer;
        this.closers = new ArrayDeque<>(closers);
    }

    /** @return the store's short name, as in {@code --stores} and the results' file names */
    String key() {
        return key;
    }

    /** @return where it runs */
    String description() {
        return description;
    }

    Stores stores() {
        return stores;
    }

    RawStore raw() {
        return raw;
    }

    SpringSessionPeer<?> peer() {
        return peer;
    }

    /** This target, its server's statements counted by {@code c} (null: not counted). */
    BenchTarget countedBy(StatementCounter c) {
        counter = c;
        return this;
    }

    /** @return the server's statement counter, when the server was started counting ({@link Targets#openCounting}) */
    Optional<StatementCounter> counter() {
        return Optional.ofNullable(counter);
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        for (AutoCloseable c : closers) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) first = e;
            }
        }
        if (first != null) throw first;
    }
}
