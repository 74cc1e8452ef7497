package dev.userkit.memory;

import dev.userkit.domain.Device;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.DeviceRecord;
import dev.userkit.spi.DeviceStore;
import dev.userkit.spi.DuplicateKeyException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

final class InMemoryDeviceStore implements DeviceStore {
    private final TreeMap<DeviceId, DeviceRecord> byId = new TreeMap<>();

    @Override
    public synchronized void insert(DeviceRecord d) {
        if (byId.containsKey(d.device().id()) || find(d.device().userId(), d.tokenHash()).isPresent()) {
            throw new DuplicateKeyException("device");
        }
        byId.put(d.device().id(), d);
    }

    @Override
    public synchronized Optional<DeviceRecord> find(UserId userId, String tokenHash) {
        return byId.values().stream()
                .filter(d -> d.device().userId().equals(userId) && d.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public synchronized Optional<DeviceRecord> findById(DeviceId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized boolean setPermitted(DeviceId id, boolean permitted) {
        return change(id, d -> new Device(d.id(), d.userId(), permitted, d.userAgent(), d.createdAt(), d.lastUsedAt()));
    }

    @Override
    public synchronized boolean touch(DeviceId id, Instant lastUsedAt) {
        return change(id, d -> new Device(d.id(), d.userId(), d.permitted(), d.userAgent(), d.createdAt(), lastUsedAt));
    }

    @Override
    public synchronized List<DeviceRecord> list(UserId userId, boolean permittedOnly) {
        return byId.values().stream()
                .filter(d -> userId == null || d.device().userId().equals(userId))
                .filter(d -> !permittedOnly || d.device().permitted()).toList();
    }

    @Override
    public synchronized int deleteAllFor(UserId userId) {
        List<DeviceId> doomed = byId.values().stream().filter(d -> d.device().userId().equals(userId))
                .map(d -> d.device().id()).toList();
        doomed.forEach(byId::remove);
        return doomed.size();
    }

    private boolean change(DeviceId id, UnaryOperator<Device> f) {
        DeviceRecord r = byId.get(id);
        if (r == null) return false;
        byId.put(id, new DeviceRecord(f.apply(r.device()), r.tokenHash()));
        return true;
    }
}
