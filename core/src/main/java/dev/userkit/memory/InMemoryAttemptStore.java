package dev.userkit.memory;

import dev.userkit.spi.AttemptCount;
import dev.userkit.spi.AttemptStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

final class InMemoryAttemptStore implements AttemptStore {
    private final Map<String, AttemptCount> counters = new ConcurrentHashMap<>();

    @Override
    public AttemptCount increment(String key, Instant now, Duration window) {
        return counters.compute(key, (k, c) -> c == null || !c.windowEndsAt().isAfter(now)
                ? new AttemptCount(1, now.plus(window))
                : new AttemptCount(c.count() + 1, c.windowEndsAt()));
    }

    @Override
    public Optional<AttemptCount> current(String key, Instant now) {
        return Optional.ofNullable(counters.get(key)).filter(c -> c.windowEndsAt().isAfter(now));
    }

    @Override
    public void reset(String key) {
        counters.remove(key);
    }

    @Override
    public int deleteExpired(Instant now, int limit) {
        List<String> doomed = counters.entrySet().stream().filter(e -> !e.getValue().windowEndsAt().isAfter(now))
                .limit(limit).map(Map.Entry::getKey).toList();
        doomed.forEach(k -> counters.computeIfPresent(k, (key, c) -> c.windowEndsAt().isAfter(now) ? c : null));
        return doomed.size();
    }
}
