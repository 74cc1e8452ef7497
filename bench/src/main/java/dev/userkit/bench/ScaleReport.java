package dev.userkit.bench;

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
import java.util.stream.Collectors;

/**
 * The results of one scale run ({@link PurgeScaling}, {@link ValidationScaling}) with the machine
 * they were measured on, printed as they come and written as markdown and JSON into
 * {@code bench/results/} (the folder in the system property {@code userkit.bench.results}, if set).
 */
final class ScaleReport {
    private final String kind;
    private final String command;
    private final Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private final String loadAtStart = loadAverage();
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();

    /**
     * @param kind the file name's prefix, e.g. {@code purge}
     * @param command how the run was started, for the markdown
     */
    ScaleReport(String kind, String command) {
        this.kind = kind;
        this.command = command;
    }

    /**
     * Adds a row of the table (every row has the first row's columns) and prints it.
     *
     * @param row column name to value, in column order
     */
    void row(Map<String, Object> row) {
        rows.add(new LinkedHashMap<>(row));
        System.out.println(kind + ": " + row);
    }

    /**
     * Adds a table of its own under the main one (a profile), written after the notes.
     *
     * @param title what it shows
     * @param rows its rows, every one with the first row's columns
     */
    void table(String title, List<Map<String, Object>> rows) {
        tables.add(new Table(title, List.copyOf(rows)));
        System.out.println(title);
        rows.forEach(r -> System.out.println("  " + r));
    }

    /**
     * Adds a line under the table (a plan, a verdict) and prints it.
     *
     * @param note the text
     */
    void note(String note) {
        notes.add(note);
        System.out.println(note);
    }

    /**
     * Writes {@code <kind>-<date>.md} and {@code .json}.
     *
     * @return the markdown file
     * @throws IOException if the folder cannot be written
     */
    Path write() throws IOException {
        Path dir = Path.of(System.getProperty("userkit.bench.results", "bench/results"));
        Files.createDirectories(dir);
        String stamp = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").withZone(ZoneOffset.UTC).format(started);
        Map<String, Object> machine = machine();
        Path md = dir.resolve(kind + "-" + stamp + ".md");
        Files.writeString(md, markdown(machine));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", kind);
        json.put("command", command);
        json.put("machine", machine);
        json.put("rows", rows);
        json.put("notes", notes);
        json.put("tables", tables.stream().map(Table::json).toList());
        Files.writeString(dir.resolve(kind + "-" + stamp + ".json"), json(json) + "\n");
        return md;
    }

    private Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("started", started.toString());
        m.put("finished", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", cpu());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("loadAverageAtStart", loadAtStart);
        m.put("loadAverageAtEnd", loadAverage());
        return m;
    }

    private String markdown(Map<String, Object> machine) {
        StringBuilder out = new StringBuilder("# ").append(kind).append(' ').append(started).append("\n\n`").append(command).append("`\n\n");
        machine.forEach((k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));
        markdownTable(out, rows);
        for (String note : notes) out.append("\n```\n").append(note.strip()).append("\n```\n");
        for (Table table : tables) {
            out.append("\n### ").append(table.title()).append('\n');
            markdownTable(out, table.rows());
        }
        return out.toString();
    }

    private static void markdownTable(StringBuilder out, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) return;
        List<String> columns = new ArrayList<>(rows.get(0).keySet());
        out.append('\n').append(String.join(" | ", columns)).append('\n');
        out.append(columns.stream().map(c -> "---").collect(Collectors.joining(" | "))).append('\n');
        for (Map<String, Object> row : rows) {
            // a cell may hold SQL, whose || would end it
            out.append(columns.stream().map(c -> String.valueOf(row.get(c)).replace("|", "\\|")).collect(Collectors.joining(" | ")))
                    .append('\n');
        }
    }

    /** An extra table: its title and rows. */
    private record Table(String title, List<Map<String, Object>> rows) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("title", title);
            m.put("rows", rows);
            return m;
        }
    }

    private static String json(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> json(String.valueOf(e.getKey())) + ": " + json(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (v instanceof List<?> l) return l.stream().map(ScaleReport::json).collect(Collectors.joining(",\n  ", "[\n  ", "]"));
        if (v instanceof Double d && (d.isNaN() || d.isInfinite())) return "null";
        if (v instanceof Number || v instanceof Boolean) return String.valueOf(v);
        StringBuilder s = new StringBuilder("\"");
        for (char c : String.valueOf(v).toCharArray()) {
            if (c == '"' || c == '\\') s.append('\\').append(c);
            else if (c < 0x20) s.append(String.format("\\u%04x", (int) c));
            else s.append(c);
        }
        return s.append('"').toString();
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String cpu() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
