package dev.userkit.bench.rounds;

import dev.userkit.bench.rounds.Results.ColumnRound;
import dev.userkit.bench.rounds.Results.Compared;
import dev.userkit.bench.rounds.Results.Ratio;
import dev.userkit.bench.rounds.Results.Round;
import dev.userkit.bench.rounds.Results.SlidingWrites;
import dev.userkit.bench.rounds.Results.StoreRun;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The markdown of a run: per store, a summary table (each column's median throughput and
 * latencies over the rounds, and its ratio to the baseline, median [min-max]), the sliding-write
 * check and every round's figures; across stores, one table of the ratios.
 */
final class MarkdownReport {
    private MarkdownReport() {}

    static String of(StoreRun run) {
        return of(run, " (as many Spring Session sessions)");
    }

    /** As {@link #of(StoreRun)}, with {@code settingsNote} after the settings line instead of StoreBench's. */
    static String of(StoreRun run, String settingsNote) {
        StringBuilder md = new StringBuilder();
        md.append("# UserKit bench: ").append(run.store()).append(", ").append(run.startedAt()).append("\n\n");
        md.append("- server: ").append(run.server()).append("\n");
        md.append("- ").append(run.settings()).append(settingsNote).append("\n");
        md.append("- ").append(machine(run.machine())).append("\n");
        md.append("- load average (1/5/15 min) before ").append(load(run.loadBefore())).append(", after ").append(load(run.loadAfter()))
                .append("; took ").append(String.format(Locale.ROOT, "%.0f s", run.seconds())).append("\n\n");
        md.append("Ratio: the column's throughput over the baseline's in the same round, median [min-max] over the rounds. ")
                .append("Throughput and latencies: medians over the rounds.\n\n");
        md.append("| comparison | threads | column | ratio | calls/s | p50 us | p99 us |\n|---|---|---|---|---|---|---|\n");
        for (Compared c : run.compared()) {
            summaryRow(md, c, c.baseline(), "1 (baseline)");
            for (Ratio r : c.ratios()) summaryRow(md, c, r.column(), ratio(r));
        }
        md.append('\n');
        if (run.sliding() != null) md.append(sliding(run.sliding())).append('\n');
        run.notes().forEach(n -> md.append("- note: ").append(n).append('\n'));
        run.errors().forEach(e -> md.append("- **error**: ").append(e).append('\n'));
        md.append("\n## Every round\n");
        for (Compared c : run.compared()) rounds(md, c);
        return md.toString();
    }

    /** One table of every store's ratios, a column per store. */
    static String acrossStores(List<StoreRun> runs) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (StoreRun run : runs) {
            for (Compared c : run.compared()) {
                for (Ratio r : c.ratios()) {
                    rows.computeIfAbsent(c.key() + " | " + r.column() + " | " + c.threads(), k -> new LinkedHashMap<>()).put(run.store(), ratio(r));
                }
            }
        }
        StringBuilder md = new StringBuilder("| operation | column | threads |");
        runs.forEach(r -> md.append(' ').append(r.store()).append(" |"));
        md.append("\n|---|---|---|").append("---|".repeat(runs.size())).append('\n');
        rows.forEach((row, byStore) -> {
            md.append("| ").append(row).append(" |");
            runs.forEach(r -> md.append(' ').append(byStore.getOrDefault(r.store(), "-")).append(" |"));
            md.append('\n');
        });
        List<String> sliding = new ArrayList<>();
        runs.stream().filter(r -> r.sliding() != null).forEach(r -> sliding.add(r.store() + " " + r.sliding().writesPerInterval()));
        if (!sliding.isEmpty()) md.append("\nSliding writes per interval, 16 threads on one due session: ").append(String.join("; ", sliding)).append('\n');
        return md.toString();
    }

    static String machine(Machine m) {
        return "machine: " + m.cores() + " cores (" + m.cpu() + "), " + m.java() + ", " + m.os() + ", heap " + m.maxHeapMiB() + " MiB";
    }

    private static void summaryRow(StringBuilder md, Compared c, String column, String ratio) {
        md.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", c.key(), c.threads(), column, ratio,
                number(median(c.rounds(), column, ColumnRound::perSecond)), number(median(c.rounds(), column, ColumnRound::p50Micros)),
                number(median(c.rounds(), column, ColumnRound::p99Micros))));
    }

    private static void rounds(StringBuilder md, Compared c) {
        md.append("\n### ").append(c.title()).append(", ").append(c.threads()).append(c.threads() == 1 ? " thread" : " threads").append("\n\n");
        List<String> columns = new ArrayList<>();
        columns.add(c.baseline());
        c.ratios().forEach(r -> columns.add(r.column()));
        md.append("| round |");
        columns.forEach(col -> md.append(' ').append(col).append(": calls/s, p50/p99 us |"));
        c.ratios().forEach(r -> md.append(" ratio ").append(r.column()).append(" |"));
        md.append("\n|---|").append("---|".repeat(columns.size() + c.ratios().size())).append('\n');
        for (int i = 0; i < c.rounds().size(); i++) {
            Round round = c.rounds().get(i);
            md.append("| ").append(round.round()).append(" |");
            for (String col : columns) {
                ColumnRound cr = round.of(col);
                md.append(' ').append(number(cr.perSecond())).append(", ").append(number(cr.p50Micros())).append('/')
                        .append(number(cr.p99Micros())).append(" |");
            }
            for (Ratio r : c.ratios()) md.append(String.format(Locale.ROOT, " %.2f |", r.perRound().get(i)));
            md.append('\n');
        }
        storeReads(md, c, columns);
    }

    /** For each column that counts its store reads (a cache's misses): per round, the reads and their share of the calls. */
    private static void storeReads(StringBuilder md, Compared c, List<String> columns) {
        for (String col : columns) {
            if (c.rounds().isEmpty() || c.rounds().get(0).of(col).storeReads() == null) continue;
            md.append("\n").append(col).append(": reads that reached the store per round (cache misses):");
            for (Round round : c.rounds()) {
                ColumnRound cr = round.of(col);
                md.append(String.format(Locale.ROOT, " %,d of %,d calls (%.1f %%);", cr.storeReads(), cr.calls(),
                        cr.calls() == 0 ? 0 : 100.0 * cr.storeReads() / cr.calls()));
            }
            md.setLength(md.length() - 1);
            md.append('\n');
        }
    }

    private static String sliding(SlidingWrites s) {
        return "Sliding writes (goal 2, SEC-18): " + s.threads() + " threads, released together, validated one due session "
                + s.validationsPerThread() + " times each, once per interval: writes that changed the row per interval "
                + s.writesPerInterval() + ", guarded writes sent " + s.guardedAttemptsPerInterval() + ", unconditional writes "
                + s.unconditionalWrites() + ", failed validations " + s.failedValidations() + ": "
                + (s.atMostOnePerInterval() ? "at most one write per interval, none failed" : "**more than one write or a failure**") + "\n";
    }

    private static double median(List<Round> rounds, String column, ToDoubleFunction<ColumnRound> figure) {
        return Results.median(rounds.stream().mapToDouble(r -> figure.applyAsDouble(r.of(column))).toArray());
    }

    static String ratio(Ratio r) {
        return String.format(Locale.ROOT, "%.2f [%.2f-%.2f]", r.median(), r.min(), r.max());
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%,.0f" : "%.1f", v);
    }

    private static String load(List<Double> l) {
        return l.stream().map(d -> String.format(Locale.ROOT, "%.2f", d)).reduce((a, b) -> a + " " + b).orElse("?");
    }
}
