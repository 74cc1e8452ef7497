package dev.userkit.bench.rounds;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The run's settings, from the command line. {@code --smoke} is the CI variant: tiny rounds on
 * the in-memory store and an embedded PostgreSQL, results under {@code bench/target}, seconds not minutes.
 *
 * @param stores which stores, in order (see {@link Targets#NAMES})
 * @param operations which comparisons run, by key ({@link #OPERATIONS} by default)
 * @param threads thread counts of validation and authorisation
 * @param hashThreads thread counts of login and registration, which are bound by hashing
 * @param rounds measured rounds per comparison and thread count
 * @param warmupRounds rounds run first and dropped
 * @param roundLength how long each column runs in a round
 * @param sessions live sessions stored (and as many Spring Session sessions)
 * @param slidingIntervals intervals of the sliding-write check
 * @param out where the markdown and JSON go
 * @param smoke whether this is the smoke variant
 */
record BenchOptions(List<String> stores, List<String> operations, List<Integer> threads, List<Integer> hashThreads, int rounds, int warmupRounds,
                    Duration roundLength, int sessions, int slidingIntervals, Path out, boolean smoke) {
    static final String USAGE = """
            java -cp bench/target/benchmarks.jar dev.userkit.bench.rounds.StoreBench [options]
              --smoke                 seconds, for CI: memory and postgres, 2 rounds of 0.25 s, 200 sessions, results in bench/target/bench-smoke
              --stores a,b            of memory, postgres, mariadb (embedded), postgres-env, mariadb-env (USERKIT_PG_*, USERKIT_MARIADB_*);
                                      default memory,postgres,mariadb plus each server the environment names
              --operations a,b        of validate, authorize, login, register (default all): to re-measure one goal alone
              --threads 1,4,16        thread counts of validation and authorisation
              --hash-threads 1,2      thread counts of login and registration
              --rounds 5              measured rounds per comparison and thread count (ratios are per round)
              --warmup 1              rounds run first and dropped
              --round-seconds 2       how long each column runs in a round
              --sessions 10000        live sessions stored (and as many Spring Session sessions)
              --sliding-intervals 5   intervals of the 16-thread sliding-write check
              --out bench/results     where the markdown and JSON go
            """;

    /** The comparisons' keys, in the order they run. */
    static final List<String> OPERATIONS = List.of("validate", "authorize", "login", "register");

    static BenchOptions parse(String... args) {
        boolean smoke = Arrays.asList(args).contains("--smoke");
        List<String> stores = smoke ? List.of("memory", "postgres") : Targets.defaults();
        List<String> operations = OPERATIONS;
        List<Integer> threads = List.of(1, 4, 16);
        List<Integer> hashThreads = List.of(1, 2);
        int rounds = smoke ? 2 : 5;
        int warmup = 1;
        Duration length = smoke ? Duration.ofMillis(250) : Duration.ofSeconds(2);
        int sessions = smoke ? 200 : 10_000;
        int intervals = smoke ? 2 : 5;
        Path out = smoke ? Path.of("bench", "target", "bench-smoke") : Path.of("bench", "results");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--smoke")) continue;
            if (i + 1 >= args.length) throw new IllegalArgumentException("missing value after " + a + "\n" + USAGE);
            String v = args[++i];
            switch (a) {
                case "--stores" -> stores = List.of(v.split(","));
                case "--operations" -> operations = List.of(v.split(","));
                case "--threads" -> threads = ints(v);
                case "--hash-threads" -> hashThreads = ints(v);
                case "--rounds" -> rounds = Integer.parseInt(v);
                case "--warmup" -> warmup = Integer.parseInt(v);
                case "--round-seconds" -> length = Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000));
                case "--sessions" -> sessions = Integer.parseInt(v);
                case "--sliding-intervals" -> intervals = Integer.parseInt(v);
                case "--out" -> out = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        for (String s : stores) {
            if (!Targets.NAMES.contains(s)) throw new IllegalArgumentException("unknown store " + s + ": one of " + Targets.NAMES);
        }
        for (String o : operations) {
            if (!OPERATIONS.contains(o)) throw new IllegalArgumentException("unknown operation " + o + ": one of " + OPERATIONS);
        }
        if (rounds < 1 || sessions < 1 || warmup < 0 || intervals < 0 || length.isZero()) {
            throw new IllegalArgumentException("rounds, sessions and the round's length must be positive\n" + USAGE);
        }
        return new BenchOptions(stores, operations, threads, hashThreads, rounds, warmup, length, sessions, intervals, out, smoke);
    }

    private static List<Integer> ints(String v) {
        return Arrays.stream(v.split(",")).map(Integer::valueOf).toList();
    }

    /** The settings as one line, for the reports. */
    String describe() {
        return (smoke ? "smoke; " : "") + (operations.equals(OPERATIONS) ? "" : "operations " + operations + ", ")
                + "threads " + threads + ", hash threads " + hashThreads + ", " + rounds + " rounds (+" + warmupRounds + " warm-up) of " + roundLength.toMillis() + " ms per column, " + sessions + " sessions";
    }
}
