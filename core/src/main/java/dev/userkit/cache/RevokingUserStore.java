package dev.userkit.cache;

import dev.userkit.domain.UserId;
import dev.userkit.spi.RevocationFeed;
import dev.userkit.spi.UserQuery;
import dev.userkit.spi.UserRecord;
import dev.userkit.spi.UserStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The store's users, telling the validation cache about every user it has replaced or deleted: a status
 * change, a raised security stamp (password change or reset, sign out everywhere), a deletion, and any
 * other change to what a validation returns of the user.
 */
final class RevokingUserStore implements UserStore {
    private final UserStore store;
    private final RevocationFeed.Listener revocations;

    RevokingUserStore(UserStore store, RevocationFeed.Listener revocations) {
        this.store = store;
        this.revocations = revocations;
    }

    @Override
    public void insert(UserRecord user) {
        store.insert(user);
    }

    @Override
    public Optional<UserRecord> findById(UserId id) {
        return store.findById(id);
    }

    @Override
    public Optional<UserRecord> findByUsernameKey(String key) {
        return store.findByUsernameKey(key);
    }

    @Override
    public Optional<UserRecord> findByEmailKey(String key) {
        return store.findByEmailKey(key);
    }

    @Override
    public Optional<UserRecord> findByPhone(String phone) {
        return store.findByPhone(phone);
    }

    @Override
    public boolean update(UserRecord next) {
        return changed(next.user().id(), store.update(next));
    }

    @Override
    public boolean delete(UserId id) {
        return changed(id, store.delete(id));
    }

    @Override
    public List<UserRecord> list(UserQuery query) {
        return store.list(query);
    }

    @Override
    public List<UserId> findPendingCreatedBefore(Instant cutoff, int limit) {
        return store.findPendingCreatedBefore(cutoff, limit);
    }

    private boolean changed(UserId id, boolean wrote) {
        if (wrote) revocations.usersChanged(List.of(id));
        return wrote;
    }
}
