package dev.userkit.bench.rounds;

import dev.userkit.bench.rounds.Profiles.ColumnProfile;
import dev.userkit.bench.rounds.Profiles.CpuProfile;
import dev.userkit.bench.rounds.Profiles.ProfileRun;
import dev.userkit.bench.rounds.Profiles.Share;
import dev.userkit.bench.rounds.Profiles.StatementShare;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The markdown of a profile run: one summary row per column (statements, writes, the server's time
 * and the client's per call, the client's CPU by library), then per column its statements, the
 * server's counters and its CPU samples by library, by the library the JDK worked for, and by method.
 */
final class ProfileReport {
    /** Statements that ran less often than this per call are summed into one line (background work, pool upkeep). */
    private static final double LISTED = 0.005;
    private static final List<String> LIBRARIES = List.of("UserKit", "JDBC driver", "HikariCP", "Password4j", "JDK");

    private ProfileReport() {}

    static String of(ProfileRun run) {
        StringBuilder md = new StringBuilder();
        md.append("# UserKit profile: ").append(run.store()).append(", ").append(run.startedAt()).append("\n\n");
        md.append("- server: ").append(run.server()).append("\n");
        md.append("- statements counted by ").append(run.counterSource()).append("\n");
        md.append("- what a commit waits for: ").append(run.durability().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "))).append("\n");
        md.append("- client CPU: JFR jdk.ExecutionSample every 1 ms of the calling threads; ThreadMXBean CPU time of the same threads\n");
        md.append("- ").append(run.settings()).append("\n");
        md.append("- ").append(MarkdownReport.machine(run.machine())).append("\n");
        md.append("- load average (1/5/15 min) before ").append(load(run.loadBefore())).append(", after ").append(load(run.loadAfter()))
                .append("; took ").append(String.format(Locale.ROOT, "%.0f s", run.seconds())).append("\n\n");
        md.append("Per call of the column. Times come from a counted, sampled run: read them against each other, not against StoreBench. ")
                .append("CPU shares are of the calling threads' execution samples, by the library of the top frame.\n\n");
        md.append("| operation | column | statements | writes | DB us | wall us | client CPU us |");
        LIBRARIES.forEach(l -> md.append(' ').append(l).append(" |"));
        md.append(" other |\n|---|---|---|---|---|---|---|").append("---|".repeat(LIBRARIES.size() + 1)).append('\n');
        for (ColumnProfile c : run.columns()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.1f | %.1f | %.1f |", c.operation(), c.column(), c.statementsPerCall(),
                    c.writesPerCall(), c.dbMicrosPerCall(), c.wallMicrosPerCall(), c.clientCpuMicrosPerCall()));
            double listed = 0;
            for (String l : LIBRARIES) {
                double p = percent(c.cpu().byTopFrame(), l);
                listed += p;
                md.append(String.format(Locale.ROOT, " %.0f %% |", p));
            }
            md.append(String.format(Locale.ROOT, " %.0f %% |%n", Math.max(0, 100 - listed)));
        }
        run.errors().forEach(e -> md.append("\n- **error**: ").append(e));
        md.append("\n");
        for (ColumnProfile c : run.columns()) column(md, c);
        return md.toString();
    }

    private static void column(StringBuilder md, ColumnProfile c) {
        md.append("\n## ").append(c.operation()).append(": ").append(c.column()).append("\n\n");
        md.append(String.format(Locale.ROOT, "%d calls on %d %s: %.2f statements per call (%.2f of them writes), %.1f us of server time, "
                        + "%.1f us wall and %.1f us client CPU per call%n%n", c.calls(), c.threads(), c.threads() == 1 ? "thread" : "threads",
                c.statementsPerCall(), c.writesPerCall(), c.dbMicrosPerCall(), c.wallMicrosPerCall(), c.clientCpuMicrosPerCall()));
        md.append("| per call | rows per run | mean us | writes | statement |\n|---|---|---|---|---|\n");
        double unlisted = 0;
        for (StatementShare s : c.statements()) {
            if (s.perCall() < LISTED) {
                unlisted += s.perCall();
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %.3f | %.2f | %.1f | %s | `%s` |%n", s.perCall(), s.rowsPerRun(), s.meanMicros(),
                    s.wrote() ? "yes" : "", oneLine(s.statement())));
        }
        if (unlisted > 0) md.append(String.format(Locale.ROOT, "| %.3f | | | | (statements under %.3f per call each) |%n", unlisted, LISTED));
        md.append("\nServer counters per call: ").append(c.serverPerCall().entrySet().stream()
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue())).collect(Collectors.joining(", "))).append("\n");
        cpu(md, c.cpu());
    }

    private static void cpu(StringBuilder md, CpuProfile cpu) {
        md.append("\nCPU samples of the calling threads: ").append(cpu.samples()).append(" running Java code, ").append(cpu.nativeSamples())
                .append(" in native code (mostly waiting on the socket).\n\n");
        md.append("- by the top frame's library: ").append(shares(cpu.byTopFrame())).append("\n");
        md.append("- by the first library under the JDK's frames (whom the JDK worked for): ").append(shares(cpu.byCaller())).append("\n");
        md.append("- top methods: ").append(shares(cpu.topMethods())).append("\n");
    }

    private static String shares(List<Share> shares) {
        return shares.stream().map(s -> String.format(Locale.ROOT, "%s %.1f %%", s.name(), s.percent())).collect(Collectors.joining(", "));
    }

    private static double percent(List<Share> shares, String name) {
        return shares.stream().filter(s -> s.name().equals(name)).mapToDouble(Share::percent).sum();
    }

    private static String oneLine(String sql) {
        String s = sql.replaceAll("\\s+", " ").trim().replace("|", "\\|").replace("`", "'");
        return s.length() > 240 ? s.substring(0, 240) + " ..." : s;
    }

    private static String load(List<Double> l) {
        return l.stream().map(d -> String.format(Locale.ROOT, "%.2f", d)).reduce((a, b) -> a + " " + b).orElse("?");
    }
}
