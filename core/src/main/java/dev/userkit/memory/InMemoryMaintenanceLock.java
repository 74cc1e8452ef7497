package dev.userkit.memory;

import dev.userkit.spi.MaintenanceLock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Leases in a map; every method holds the monitor, so each is atomic. */
final class InMemoryMaintenanceLock implements MaintenanceLock {
    private record Lease(String owner, Instant until) {}

    private final Map<String, Lease> byName = new HashMap<>();

    @Override
    public synchronized boolean tryAcquire(String name, String owner, Instant now, Duration ttl) {
        Lease held = byName.get(name);
        if (held != null && held.until().isAfter(now)) return false;
        byName.put(name, new Lease(owner, now.plus(ttl)));
        return true;
    }

    @Override
    public synchronized boolean renew(String name, String owner, Instant now, Duration ttl) {
        Lease held = byName.get(name);
        if (held == null || !held.owner().equals(owner) || !held.until().isAfter(now)) return false;
        byName.put(name, new Lease(owner, now.plus(ttl)));
        return true;
    }

    @Override
    public synchronized boolean release(String name, String owner) {
        Lease held = byName.get(name);
        return held != null && held.owner().equals(owner) && byName.remove(name, held);
    }
}
