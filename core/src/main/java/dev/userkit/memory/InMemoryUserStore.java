package dev.userkit.memory;

import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.UserQuery;
import dev.userkit.spi.UserRecord;
import dev.userkit.spi.UserStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

final class InMemoryUserStore implements UserStore {
    private final TreeMap<UserId, UserRecord> byId = new TreeMap<>();
    private final Map<String, UserId> byUsername = new HashMap<>();
    // look-alike names share a skeleton; it is unique like the key (SEC-23)
    private final Map<String, UserId> bySkeleton = new HashMap<>();
    private final Map<String, UserId> byEmail = new HashMap<>();
    private final Map<String, UserId> byPhone = new HashMap<>();

    @Override
    public synchronized void insert(UserRecord rec) {
        User u = rec.user();
        if (byId.containsKey(u.id())) throw new DuplicateKeyException("id");
        checkFree(u, null);
        byId.put(u.id(), new UserRecord(u, rec.passwordHash(), 0, rec.securityStamp()));
        index(u);
    }

    @Override
    public synchronized Optional<UserRecord> findById(UserId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Optional<UserRecord> findByUsernameKey(String key) {
        return Optional.ofNullable(byUsername.get(key)).map(byId::get);
    }

    @Override
    public synchronized Optional<UserRecord> findByEmailKey(String key) {
        return Optional.ofNullable(byEmail.get(key)).map(byId::get);
    }

    @Override
    public synchronized Optional<UserRecord> findByPhone(String phone) {
        return Optional.ofNullable(byPhone.get(phone)).map(byId::get);
    }

    @Override
    public synchronized boolean update(UserRecord next) {
        UserRecord old = byId.get(next.user().id());
        if (old == null || old.version() != next.version() - 1) return false;
        checkFree(next.user(), next.user().id());
        unindex(old.user());
        byId.put(next.user().id(), next);
        index(next.user());
        return true;
    }

    @Override
    public synchronized boolean delete(UserId id) {
        UserRecord old = byId.remove(id);
        if (old == null) return false;
        unindex(old.user());
        return true;
    }

    @Override
    public synchronized List<UserRecord> list(UserQuery q) {
        var view = q.after() == null ? byId.values() : byId.tailMap(q.after(), false).values();
        return view.stream()
                .filter(r -> q.metadataField() == null || Objects.equals(r.user().metadata().get(q.metadataField()), q.metadataValue()))
                .limit(q.limit())
                .toList();
    }

    @Override
    public synchronized List<UserId> findPendingCreatedBefore(Instant cutoff, int limit) {
        return byId.values().stream()
                .filter(r -> r.user().status() == UserStatus.PENDING && r.user().createdAt().isBefore(cutoff))
                .limit(limit).map(r -> r.user().id()).toList();
    }

    private void checkFree(User u, UserId self) {
        if (taken(byUsername, u.username().key(), self)) throw new DuplicateKeyException("username");
        String skeleton = u.username().skeleton();
        if (skeleton != null && taken(bySkeleton, skeleton, self)) throw new DuplicateKeyException("username skeleton");
        if (taken(byEmail, u.email().key(), self)) throw new DuplicateKeyException("email");
        if (u.phone() != null && taken(byPhone, u.phone().value(), self)) throw new DuplicateKeyException("phone");
    }

    private static boolean taken(Map<String, UserId> index, String key, UserId self) {
        UserId owner = index.get(key);
        return owner != null && !owner.equals(self);
    }

    private void index(User u) {
        byUsername.put(u.username().key(), u.id());
        if (u.username().skeleton() != null) bySkeleton.put(u.username().skeleton(), u.id());
        byEmail.put(u.email().key(), u.id());
        if (u.phone() != null) byPhone.put(u.phone().value(), u.id());
    }

    private void unindex(User u) {
        byUsername.remove(u.username().key());
        if (u.username().skeleton() != null) bySkeleton.remove(u.username().skeleton());
        byEmail.remove(u.email().key());
        if (u.phone() != null) byPhone.remove(u.phone().value());
    }
}
