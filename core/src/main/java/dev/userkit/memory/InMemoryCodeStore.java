package dev.userkit.memory;

import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.UserId;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.CodeStore;
import dev.userkit.spi.DuplicateKeyException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

final class InMemoryCodeStore implements CodeStore {
    private final Map<String, CodeRecord> byHash = new HashMap<>();

    @Override
    public synchronized void insert(CodeRecord code) {
        if (byHash.putIfAbsent(code.codeHash(), code) != null) throw new DuplicateKeyException("code");
    }

    @Override
    public synchronized Optional<CodeRecord> consume(String codeHash, CodePurpose purpose) {
        CodeRecord c = byHash.get(codeHash);
        if (c == null || c.purpose() != purpose) return Optional.empty();
        byHash.remove(codeHash);
        return Optional.of(c);
    }

    @Override
    public synchronized int deleteFor(UserId userId, CodePurpose purpose) {
        return removeAll(of(userId, purpose));
    }

    @Override
    public synchronized int deleteAllFor(UserId userId) {
        return removeAll(byHash.values().stream().filter(c -> c.userId().equals(userId)).toList());
    }

    @Override
    public synchronized OptionalInt recordFailedAttempt(UserId userId, CodePurpose purpose) {
        OptionalInt max = OptionalInt.empty();
        for (CodeRecord c : of(userId, purpose)) {
            CodeRecord n = new CodeRecord(c.codeHash(), c.userId(), c.purpose(), c.target(), c.createdAt(), c.expiresAt(),
                    c.failedAttempts() + 1);
            byHash.put(n.codeHash(), n);
            if (max.isEmpty() || n.failedAttempts() > max.getAsInt()) max = OptionalInt.of(n.failedAttempts());
        }
        return max;
    }

    @Override
    public synchronized int deleteExpired(Instant now, int limit) {
        return removeAll(byHash.values().stream().filter(c -> !c.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(CodeRecord::expiresAt)).limit(limit).toList());
    }

    private List<CodeRecord> of(UserId userId, CodePurpose purpose) {
        return byHash.values().stream().filter(c -> c.userId().equals(userId) && c.purpose() == purpose).toList();
    }

    private int removeAll(List<CodeRecord> codes) {
        codes.forEach(c -> byHash.remove(c.codeHash()));
        return codes.size();
    }
}
