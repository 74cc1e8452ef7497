package dev.userkit.bench.rounds;

import java.nio.file.Path;
import java.util.List;

/**
 * The settings of {@link OperationProfile}, from the command line.
 *
 * @param stores which embedded stores, in order (postgres, mariadb)
 * @param operations which comparisons' columns are profiled, by key
 * @param threads calling threads of every column
 * @param calls profiled calls of each read column (validation, authorisation), after as many warm-up calls
 * @param hashCalls profiled calls of each hashing column (login, registration), after as many warm-up calls
 * @param sessions live sessions stored
 * @param out where the markdown and JSON go
 */
record ProfileOptions(List<String> stores, List<String> operations, int threads, int calls, int hashCalls, int sessions, Path out) {
    static final String USAGE = """
            java -cp bench/target/benchmarks.jar dev.userkit.bench.rounds.OperationProfile [options]
              --stores postgres,mariadb   the embedded servers, started counting statements
              --operations a,b            of validate, authorize, login, register (default all)
              --threads 1                 calling threads of every column
              --calls 5000                profiled calls of each validation and authorisation column (as many warm-up calls first)
              --hash-calls 40             profiled calls of each login and registration column (as many warm-up calls first)
              --sessions 10000            live sessions stored (and as many Spring Session sessions)
              --out bench/results         where profile-<date>-<store>.md and .json go
            """;

    static ProfileOptions parse(String... args) {
        List<String> stores = List.of("postgres", "mariadb");
        List<String> operations = BenchOptions.OPERATIONS;
        int threads = 1;
        int calls = 5000;
        int hashCalls = 40;
        int sessions = 10_000;
        Path out = Path.of("bench", "results");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) throw new IllegalArgumentException("missing value after " + a + "\n" + USAGE);
            String v = args[++i];
            switch (a) {
                case "--stores" -> stores = List.of(v.split(","));
                case "--operations" -> operations = List.of(v.split(","));
                case "--threads" -> threads = Integer.parseInt(v);
                case "--calls" -> calls = Integer.parseInt(v);
                case "--hash-calls" -> hashCalls = Integer.parseInt(v);
                case "--sessions" -> sessions = Integer.parseInt(v);
                case "--out" -> out = Path.of(v);
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
            }
        }
        for (String s : stores) {
            if (!s.equals("postgres") && !s.equals("mariadb")) throw new IllegalArgumentException("unknown store " + s + ": postgres or mariadb");
        }
        for (String o : operations) {
            if (!BenchOptions.OPERATIONS.contains(o)) throw new IllegalArgumentException("unknown operation " + o + ": one of " + BenchOptions.OPERATIONS);
        }
        if (threads < 1 || calls < threads || hashCalls < threads || sessions < 1) {
            throw new IllegalArgumentException("threads, sessions and calls must be positive, calls at least one per thread\n" + USAGE);
        }
        return new ProfileOptions(stores, operations, threads, calls, hashCalls, sessions, out);
    }

    /** @return the calls of a column of {@code operation}: hashing operations take fewer */
    int callsOf(String operation) {
        return operation.equals("login") || operation.equals("register") ? hashCalls : calls;
    }

    /** The settings as one line, for the reports. */
    String describe() {
        return "operations " + operations + ", " + threads + (threads == 1 ? " thread" : " threads") + ", " + calls
                + " calls per read column and " + hashCalls + " per hashing column (each after as many warm-up calls), " + sessions + " sessions";
    }
}
