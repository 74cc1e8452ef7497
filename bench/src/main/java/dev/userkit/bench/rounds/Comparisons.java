package dev.userkit.bench.rounds;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.userkit.ClientContext;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.access.Decision;
import dev.userkit.domain.Verb;
import dev.userkit.testkit.CountingSessionReads;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The comparisons of issue 9's goals 1, 3, 4 and 5, each an operation through UserKit's public API
 * against its raw baseline on the same pool: validation (with Spring Session as a peer column, and
 * the validation cache when it exists), authorisation, login and registration. Every call picks
 * its session or user at random, the baseline alike, so both pay the same for choosing.
 */
final class Comparisons {
    private static final int ARGON2_OUTPUT = 32;
    private static final int ARGON2_VERSION = 19;
    private static final int SALT_BYTES = 16;
    private static final int WARM_THREADS = 8;

    private Comparisons() {}

    /**
     * @param fastThreads thread counts of the reads (validation, authorisation)
     * @param hashThreads thread counts of the hashing operations (login, registration)
     * @param notes where a skipped column says why
     */
    static List<Comparison> of(BenchTarget target, Workload w, List<Integer> fastThreads, List<Integer> hashThreads, List<String> notes) {
        RawStore raw = target.raw();
        Column rawRead = new Column(raw.sessionReadName(), () -> raw.readSession(pick(w.tokenHashes)));
        List<Comparison> all = new ArrayList<>();

        List<Column> validation = new ArrayList<>();
        validation.add(new Column("Sessions.validate", () -> validate(w.kit, pick(w.tokens))));
        SpringSessionPeer<?> peer = target.peer();
        validation.add(new Column(SpringSessionPeer.COLUMN, () -> peer.find(pick(w.springIds))));
        notes.add(SpringSessionPeer.COLUMN + ": Spring Session's " + peer.repositoryName()
                + ", each session holding its principal's name");
        validation.add(cached(target, w, "Sessions.validate, cache on", false));
        validation.add(cached(target, w, "Sessions.validate, cache on, warmed", true));
        notes.add("Sessions.validate, cache on: its own kit and cache, which start each round as the earlier rounds left them "
                + "(entries older than the staleness window have expired while the other columns ran); \"warmed\": another kit "
                + "and cache whose every session is validated once, untimed, before each round (on " + WARM_THREADS + " threads). "
                + "Store reads per round count the cache's misses");
        all.add(new Comparison("validate", "validation (no sliding write due) vs the raw point read", rawRead, validation, fastThreads));

        all.add(new Comparison("authorize", "authorisation vs the raw point read", rawRead,
                List.of(new Column("AccessControl.authorize", () -> authorize(w.kit, pick(w.tokens)))), fastThreads));

        PasswordHashing p = PasswordHashing.PRODUCTION;
        Argon2Function argon2 = Argon2Function.getInstance(p.memoryKiB(), p.iterations(), p.parallelism(), ARGON2_OUTPUT, Argon2.ID,
                ARGON2_VERSION);
        String storedHash = Password.hash(Workload.PASSWORD).addRandomSalt(SALT_BYTES).with(argon2).getResult();
        all.add(new Comparison("login", "login vs a raw Argon2id verify (same parameters)",
                new Column("raw Argon2id verify", () -> verify(storedHash)),
                List.of(new Column("Sessions.login", () -> w.kit.sessions().login(pick(w.loginNames), Workload.PASSWORD, ClientContext.NONE))),
                hashThreads));

        AtomicLong registered = new AtomicLong();
        String run = Long.toString(w.start.getEpochSecond(), 36);
        all.add(new Comparison("register", "registration vs a raw Argon2id hash + INSERT",
                new Column("raw Argon2id hash + INSERT", () -> {
                    String name = "raw" + run + "n" + registered.incrementAndGet();
                    raw.insertUser(UUID.randomUUID(), name, name + "@bench.example",
                            Password.hash(Workload.PASSWORD).addRandomSalt(SALT_BYTES).with(argon2).getResult(), w.start);
                }),
                List.of(new Column("Accounts.register", () -> w.kit.accounts().register(
                        Workload.newUser("reg" + run + "n" + registered.incrementAndGet()), ClientContext.NONE))),
                hashThreads));
        return all;
    }

    /**
     * Validation through a kit of its own with the cache on (default bounds), over the target's stores with their
     * validation reads counted; {@code warmed}: every session validated once before each round, untimed.
     */
    private static Column cached(BenchTarget target, Workload w, String name, boolean warmed) {
        CountingSessionReads reads = new CountingSessionReads(target.stores().sessionReads());
        UserKit kit = w.kit(target.stores().toBuilder().sessionReads(reads).build(),
                Workload.config(PasswordHashing.PRODUCTION).validationCache(true).build());
        Operation warm = warmed ? () -> Workload.parallel(w.tokens.length, WARM_THREADS, i -> validate(kit, w.tokens[i])) : null;
        return new Column(name, () -> validate(kit, pick(w.tokens)), warm, reads::validationReads);
    }

    private static String pick(String[] values) {
        return values[ThreadLocalRandom.current().nextInt(values.length)];
    }

    private static void validate(UserKit kit, String token) {
        if (kit.sessions().validate(token).user().isEmpty()) throw new IllegalStateException("a user's session validated as anonymous");
    }

    private static void authorize(UserKit kit, String token) {
        Decision d = kit.access().authorize(token, Verb.GET, Workload.PATH);
        if (d != Decision.ALLOWED) throw new IllegalStateException("authorize answered " + d + ", expected ALLOWED");
    }

    private static void verify(String storedHash) {
        if (!Password.check(Workload.PASSWORD, storedHash).with(Argon2Function.getInstanceFromHash(storedHash))) {
            throw new IllegalStateException("the raw Argon2id verify did not match");
        }
    }
}
