package dev.userkit.testkit;

import static dev.userkit.testkit.BrokenStoreSuites.replacing;

import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.UserId;
import dev.userkit.domain.Username;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.spi.AttemptCount;
import dev.userkit.spi.AttemptStore;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.CodeStore;
import dev.userkit.spi.Stores;
import dev.userkit.spi.UserQuery;
import dev.userkit.spi.UserRecord;
import dev.userkit.spi.UserStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broken account stores for {@link ConformanceSelfTest}: the in-memory store with its code, user or
 * attempt store replaced by a wrapper that breaks one promise (single use, unique keys and skeletons,
 * list order, atomic counters, resets). See {@link BrokenStoreSuites}.
 */
final class BrokenAccountStores {
    private BrokenAccountStores() {}

    /** A code store whose consumed codes can be consumed again (breaks REL-1 and single use). */
    static class CodesConsumedTwice extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withCodes(new ReusableCodes(s.codes()).asPort()));
        }
    }

    /** A user store that accepts a taken email key. */
    static class UsersWithoutUniqueEmails extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withUsers(new EmailsNotUnique(s.users()).asPort()));
        }
    }

    /** A user store that ignores username skeletons: look-alike names become separate accounts. */
    static class UsersWithoutUniqueSkeletons extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withUsers(new SkeletonsForgotten(s.users()).asPort()));
        }
    }

    /** An attempt store whose counter is read, then written (lost updates under load). */
    static class NonAtomicAttempts extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withAttempts(new ReadThenWriteCounter(s.attempts()).asPort()));
        }
    }

    /** A user store whose list answers in descending id order. */
    static class UsersListedBackwards extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withUsers(new ReversedList(s.users()).asPort()));
        }
    }

    /** An attempt store whose reset does nothing: a lock outlives a password reset. */
    static class AttemptResetsIgnored extends StoreConformanceSuite {
        @Override
        protected Stores emptyStores() {
            return replacing(s -> s.withAttempts(new UnresettableCounters(s.attempts()).asPort()));
        }
    }

    /** Remembers every consumed code and hands it out again. */
    static final class ReusableCodes extends PortOverride<CodeStore> {
        private final Map<String, CodeRecord> consumed = new HashMap<>();

        ReusableCodes(CodeStore delegate) {
            super(CodeStore.class, delegate);
        }

        public synchronized Optional<CodeRecord> consume(String codeHash, CodePurpose purpose) {
            Optional<CodeRecord> fresh = delegate.consume(codeHash, purpose);
            fresh.ifPresent(c -> consumed.put(codeHash, c));
            return fresh.or(() -> Optional.ofNullable(consumed.get(codeHash)).filter(c -> c.purpose() == purpose));
        }
    }

    /** Puts a user whose email key is taken into a second store instead of refusing it. */
    static final class EmailsNotUnique extends PortOverride<UserStore> {
        private final UserStore overflow = InMemoryStores.create().users();

        EmailsNotUnique(UserStore delegate) {
            super(UserStore.class, delegate);
        }

        public synchronized void insert(UserRecord user) {
            boolean emailTaken = delegate.findByEmailKey(user.user().email().key()).isPresent();
            (emailTaken ? overflow : delegate).insert(user);
        }

        public synchronized Optional<UserRecord> findById(UserId id) {
            return delegate.findById(id).or(() -> overflow.findById(id));
        }
    }

    /** Drops the skeleton before every write, as a store without the skeleton column would. */
    static final class SkeletonsForgotten extends PortOverride<UserStore> {
        SkeletonsForgotten(UserStore delegate) {
            super(UserStore.class, delegate);
        }

        public void insert(UserRecord user) {
            delegate.insert(withoutSkeleton(user));
        }

        public boolean update(UserRecord next) {
            return delegate.update(withoutSkeleton(next));
        }

        private static UserRecord withoutSkeleton(UserRecord r) {
            Username u = r.user().username();
            return new UserRecord(r.user().withUsername(new Username(u.value(), u.key(), null), r.user().updatedAt()),
                    r.passwordHash(), r.version(), r.securityStamp());
        }
    }

    /** A counter kept in a plain map: read, yield, write. */
    static final class ReadThenWriteCounter extends PortOverride<AttemptStore> {
        private final Map<String, AttemptCount> counters = new ConcurrentHashMap<>();

        ReadThenWriteCounter(AttemptStore delegate) {
            super(AttemptStore.class, delegate);
        }

        public AttemptCount increment(String key, Instant now, Duration window) {
            AttemptCount old = counters.get(key);
            Thread.yield();
            AttemptCount next = old == null || !old.windowEndsAt().isAfter(now)
                    ? new AttemptCount(1, now.plus(window)) : new AttemptCount(old.count() + 1, old.windowEndsAt());
            counters.put(key, next);
            return next;
        }

        public Optional<AttemptCount> current(String key, Instant now) {
            return Optional.ofNullable(counters.get(key)).filter(c -> c.windowEndsAt().isAfter(now));
        }

        public void reset(String key) {
            counters.remove(key);
        }
    }

    /** Lists what the store lists, last first. */
    static final class ReversedList extends PortOverride<UserStore> {
        ReversedList(UserStore delegate) {
            super(UserStore.class, delegate);
        }

        public List<UserRecord> list(UserQuery query) {
            List<UserRecord> listed = new ArrayList<>(delegate.list(query));
            Collections.reverse(listed);
            return listed;
        }
    }

    /** Keeps every counter through a reset. */
    static final class UnresettableCounters extends PortOverride<AttemptStore> {
        UnresettableCounters(AttemptStore delegate) {
            super(AttemptStore.class, delegate);
        }

        public void reset(String key) {
            // the broken promise: the counter stays
        }
    }
}
