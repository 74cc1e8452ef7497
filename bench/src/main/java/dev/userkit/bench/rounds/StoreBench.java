package dev.userkit.bench.rounds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.userkit.bench.rounds.Results.Compared;
import dev.userkit.bench.rounds.Results.SlidingWrites;
import dev.userkit.bench.rounds.Results.StoreRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 9's bench: for each store and thread count, each operation against its raw baseline on
 * the same pool and threads, in interleaved rounds (see {@link RoundRunner}), with Spring Session
 * as the peer of validation, plus the sliding-write check; writes markdown and JSON per store
 * (and one table across stores) and prints the markdown. Exits 1 if anything failed, never
 * because of a ratio: machines differ, failures do not.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.userkit.bench.rounds.StoreBench [--smoke] [options]}; {@code --help} lists them.
 */
public final class StoreBench {
    private static final int FILL_THREADS = 4;
    private static final int SLIDING_THREADS = 16;
    private static final int VALIDATIONS_PER_THREAD = 4;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").withZone(ZoneOffset.UTC);

    private final BenchOptions options;
    private final RoundRunner runner;

    private StoreBench(BenchOptions options) {
        this.options = options;
        this.runner = new RoundRunner(options.roundLength(), options.rounds(), options.warmupRounds());
    }

    /**
     * Runs the bench.
     *
     * @param args the options ({@code --help} lists them)
     * @throws IOException if the results cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (List.of(args).contains("--help")) {
            System.out.print(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<StoreRun> runs = new StoreBench(options).runAll();
        boolean failed = runs.stream().anyMatch(r -> !r.errors().isEmpty());
        System.err.println(failed ? "bench FAILED: see the errors above" : "bench passed: every column ran without an error");
        System.exit(failed ? 1 : 0);
    }

    private List<StoreRun> runAll() throws IOException {
        Files.createDirectories(options.out());
        String stamp = FILE_TIME.format(Instant.now());
        List<StoreRun> runs = new ArrayList<>();
        for (String store : options.stores()) {
            StoreRun run = runStore(store);
            runs.add(run);
            String md = MarkdownReport.of(run);
            Files.writeString(options.out().resolve(stamp + "-" + store + ".md"), md);
            json().writeValue(options.out().resolve(stamp + "-" + store + ".json").toFile(), run);
            System.out.println(md);
        }
        if (runs.size() > 1) {
            String all = "# UserKit bench, every store, " + stamp + "\n\n- " + options.describe() + "\n- "
                    + MarkdownReport.machine(Machine.current()) + "\n\n" + MarkdownReport.acrossStores(runs);
            Files.writeString(options.out().resolve(stamp + "-all.md"), all);
            System.out.println(all);
        }
        return runs;
    }

    private StoreRun runStore(String store) {
        List<Double> loadBefore = Machine.loadAverage();
        Instant started = Instant.now();
        List<Compared> compared = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        SlidingWrites sliding = null;
        String server = store;
        progress(store + ": starting");
        try (BenchTarget target = Targets.open(store)) {
            server = target.description();
            progress(store + ": filling " + options.sessions() + " sessions on " + server);
            Workload w = Workload.fill(target, options.sessions(), FILL_THREADS);
            for (Comparison c : Comparisons.of(target, w, options.threads(), options.hashThreads(), notes)) {
                if (!options.operations().contains(c.key())) continue;
                for (int threads : c.threads()) {
                    progress(store + ": " + c.key() + " at " + threads + " threads");
                    try {
                        compared.add(runner.run(c, threads));
                    } catch (BenchFailure e) {
                        errors.add(describe(e));
                    }
                }
            }
            if (options.slidingIntervals() > 0) {
                progress(store + ": sliding writes");
                sliding = SlidingWriteCheck.run(target, w, SLIDING_THREADS, options.slidingIntervals(), VALIDATIONS_PER_THREAD);
                if (sliding.failedValidations() > 0) errors.add(sliding.failedValidations() + " validations failed in the sliding-write check");
            }
        } catch (Exception e) {
            errors.add(describe(e));
        }
        errors.forEach(e -> System.err.println(store + ": ERROR " + e));
        return new StoreRun(store, server, options.sessions(), options.describe(), Machine.current(), loadBefore, Machine.loadAverage(),
                started.truncatedTo(ChronoUnit.SECONDS).toString(), (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1e3,
                compared, sliding, notes, errors);
    }

    private static String describe(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        System.err.print(trace);
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        return e.getMessage() + (root != e ? " (cause: " + root + ")" : "");
    }

    private static void progress(String line) {
        System.err.println("[bench " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + line);
    }

    private static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** @return the directory the results went to (for tests and tools) */
    Path out() {
        return options.out();
    }
}
