package dev.userkit.memory;

import dev.userkit.domain.Role;
import dev.userkit.domain.RoleId;
import dev.userkit.domain.UserId;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.RoleRecord;
import dev.userkit.spi.RoleStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

final class InMemoryRoleStore implements RoleStore {
    private final Map<RoleId, RoleRecord> byId = new HashMap<>();
    private final Map<String, RoleId> byName = new HashMap<>();
    private final Map<UserId, Set<RoleId>> grants = new HashMap<>();

    @Override
    public synchronized void insert(RoleRecord rec) {
        Role r = rec.role();
        if (byId.containsKey(r.id()) || byName.containsKey(r.name())) throw new DuplicateKeyException("role");
        byId.put(r.id(), new RoleRecord(r, 0));
        byName.put(r.name(), r.id());
    }

    @Override
    public synchronized Optional<RoleRecord> findById(RoleId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<RoleRecord> findByName(String name) {
        return Optional.ofNullable(byName.get(name)).map(byId::get);
    }

    @Override
    public synchronized List<RoleRecord> list() {
        return byId.values().stream().sorted(Comparator.comparing(r -> r.role().name())).toList();
    }

    @Override
    public synchronized boolean update(RoleRecord next) {
        RoleRecord old = byId.get(next.role().id());
        if (old == null || old.version() != next.version() - 1) return false;
        RoleId owner = byName.get(next.role().name());
        if (owner != null && !owner.equals(next.role().id())) throw new DuplicateKeyException("role");
        byName.remove(old.role().name());
        byName.put(next.role().name(), next.role().id());
        byId.put(next.role().id(), next);
        return true;
    }

    @Override
    public synchronized boolean delete(RoleId id) {
        RoleRecord old = byId.remove(id);
        if (old == null) return false;
        byName.remove(old.role().name());
        grants.values().forEach(s -> s.remove(id));
        return true;
    }

    @Override
    public synchronized boolean grant(UserId userId, RoleId roleId) {
        if (!byId.containsKey(roleId)) return false;
        return grants.computeIfAbsent(userId, u -> new HashSet<>()).add(roleId);
    }

    @Override
    public synchronized boolean revoke(UserId userId, RoleId roleId) {
        Set<RoleId> s = grants.get(userId);
        return s != null && s.remove(roleId);
    }

    @Override
    public synchronized List<Role> rolesOf(UserId userId) {
        return grants.getOrDefault(userId, Set.of()).stream().map(id -> byId.get(id).role())
                .sorted(Comparator.comparing(Role::name)).toList();
    }

    @Override
    public synchronized List<UserId> usersWith(RoleId roleId, UserId after, int limit) {
        TreeSet<UserId> users = new TreeSet<>();
        grants.forEach((u, roles) -> {
            if (roles.contains(roleId) && (after == null || u.compareTo(after) > 0)) users.add(u);
        });
        return users.stream().limit(limit).toList();
    }

    @Override
    public synchronized int revokeAll(UserId userId) {
        Set<RoleId> s = grants.remove(userId);
        return s == null ? 0 : s.size();
    }
}
