package dev.userkit.bench.rounds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.userkit.bench.rounds.Profiles.ColumnProfile;
import dev.userkit.bench.rounds.Profiles.ProfileRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 9's profile of what dominates each operation: every column of {@link StoreBench}'s comparisons
 * (the operation, its raw baseline and its peers, on the same data and pool) run on an embedded server
 * that counts its statements, with the server's counts per call ({@code pg_stat_statements} on
 * PostgreSQL, {@code performance_schema} on MariaDB, and their WAL/redo writes and flushes) and the
 * client's CPU samples (JFR); writes {@code profile-<date>-<store>.md} and {@code .json} and prints the
 * markdown. Exits 1 if a column failed.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.userkit.bench.rounds.OperationProfile [options]}; {@code --help} lists them.
 */
public final class OperationProfile {
    private static final int FILL_THREADS = 4;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").withZone(ZoneOffset.UTC);

    private OperationProfile() {}

    /**
     * Runs the profile.
     *
     * @param args the options ({@code --help} lists them)
     * @throws IOException if the results cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (List.of(args).contains("--help")) {
            System.out.print(ProfileOptions.USAGE);
            return;
        }
        ProfileOptions options;
        try {
            options = ProfileOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        boolean failed = run(options).stream().anyMatch(r -> !r.errors().isEmpty());
        System.err.println(failed ? "profile FAILED: see the errors above" : "profile passed: every column ran without an error");
        System.exit(failed ? 1 : 0);
    }

    /** Profiles every store of {@code options}, writes each one's report and returns the runs. */
    static List<ProfileRun> run(ProfileOptions options) throws IOException {
        Files.createDirectories(options.out());
        String stamp = FILE_TIME.format(Instant.now());
        List<ProfileRun> runs = new ArrayList<>();
        for (String store : options.stores()) {
            ProfileRun run = profile(store, options);
            runs.add(run);
            String md = ProfileReport.of(run);
            Path base = options.out().resolve("profile-" + stamp + "-" + store);
            Files.writeString(Path.of(base + ".md"), md);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(Path.of(base + ".json").toFile(), run);
            System.out.println(md);
        }
        return runs;
    }

    private static ProfileRun profile(String store, ProfileOptions options) {
        List<Double> loadBefore = Machine.loadAverage();
        Instant started = Instant.now();
        List<ColumnProfile> columns = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String server = store;
        String source = "";
        Map<String, String> durability = Map.of();
        try (BenchTarget target = Targets.openCounting(store)) {
            server = target.description();
            StatementCounter counter = target.counter().orElseThrow();
            source = counter.source();
            durability = counter.durabilitySettings();
            progress(store + ": filling " + options.sessions() + " sessions on " + server);
            Workload w = Workload.fill(target, options.sessions(), FILL_THREADS);
            ProfileRunner runner = new ProfileRunner(counter);
            // the raw read is the baseline of validation and of authorisation: profiled once
            Map<String, Map.Entry<String, Column>> profiled = new LinkedHashMap<>();
            for (Comparison c : Comparisons.of(target, w, List.of(options.threads()), List.of(options.threads()), new ArrayList<>())) {
                if (!options.operations().contains(c.key())) continue;
                List<Column> all = new ArrayList<>(List.of(c.baseline()));
                all.addAll(c.columns());
                for (Column column : all) profiled.putIfAbsent(column.name(), Map.entry(c.key(), column));
            }
            // a first pass over every column, so that the first one profiled does not carry the warm-up of them all;
            // under a recording, whose first start in the JVM costs more CPU than a column's calls at 16 threads
            progress(store + ": warming up " + profiled.size() + " columns");
            try (CpuSampler firstRecording = CpuSampler.start()) {
                for (Map.Entry<String, Column> e : profiled.values()) runner.warmUp(e.getValue(), options.threads(), options.callsOf(e.getKey()));
                firstRecording.stop();
            }
            for (Map.Entry<String, Column> e : profiled.values()) {
                Column column = e.getValue();
                progress(store + ": " + e.getKey() + ": " + column.name());
                try {
                    columns.add(runner.profile(e.getKey(), column, options.threads(), options.callsOf(e.getKey())));
                } catch (Exception failure) {
                    failure.printStackTrace();
                    errors.add(column.name() + ": " + failure);
                }
            }
        } catch (Exception e) {
            e.printStackTrace();
            errors.add(e.toString());
        }
        errors.forEach(e -> System.err.println(store + ": ERROR " + e));
        return new ProfileRun(store, server, source, durability, options.describe(), Machine.current(), loadBefore, Machine.loadAverage(),
                started.truncatedTo(ChronoUnit.SECONDS).toString(), (Instant.now().toEpochMilli() - started.toEpochMilli()) / 1e3, columns, errors);
    }

    private static void progress(String line) {
        System.err.println("[profile " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + line);
    }
}
