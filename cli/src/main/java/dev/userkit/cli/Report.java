package dev.userkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command's answer: one record (printed as aligned {@code field  value} lines, or one JSON
 * object) or a list of records (a table with a header row, or one JSON array), and an optional
 * note for people that {@code --json} leaves out (scripts read the fields).
 */
final class Report {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Map<String, Object>> rows;
    private final boolean list;
    private final List<String> columns;
    private String note;
    private String raw;

    private Report(List<Map<String, Object>> rows, boolean list, List<String> columns) {
        this.rows = rows;
        this.list = list;
        this.columns = columns;
    }

    /** One record, its fields in the map's order. */
    static Report of(Map<String, Object> fields) {
        return new Report(List.of(fields), false, List.copyOf(fields.keySet()));
    }

    /** A list of records with these columns. */
    static Report list(List<String> columns, List<Map<String, Object>> rows) {
        return new Report(rows, true, columns);
    }

    /** Text printed as it is (the schema's SQL); with {@code --json}, an object with the text as {@code text}. */
    static Report text(String text) {
        Report r = of(fields("text", text));
        r.raw = text;
        return r;
    }

    /** Adds a line for people, printed after the text answer only. */
    Report note(String text) {
        this.note = text;
        return this;
    }

    /** Prints the answer as text or JSON. */
    void print(PrintStream out, boolean json) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(list ? rows : rows.get(0)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write the answer as JSON", e);
            }
        } else if (raw != null) {
            out.print(raw.endsWith("\n") ? raw : raw + "\n");
        } else {
            if (list) printTable(out);
            else printRecord(out);
            if (note != null) out.println(note);
        }
        out.flush();
    }

    private void printRecord(PrintStream out) {
        int width = columns.stream().mapToInt(String::length).max().orElse(0);
        rows.get(0).forEach((field, value) -> out.println(pad(field, width) + "  " + text(value)));
    }

    private void printTable(PrintStream out) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(columns.stream().map(String::toUpperCase).toList());
        for (Map<String, Object> row : rows) lines.add(columns.stream().map(c -> text(row.get(c))).toList());
        int[] widths = new int[columns.size()];
        for (List<String> line : lines) {
            for (int i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i], line.get(i).length());
        }
        for (List<String> line : lines) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                b.append(i == widths.length - 1 ? line.get(i) : pad(line.get(i), widths[i]) + "  ");
            }
            out.println(b.toString().stripTrailing());
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** A record builder that keeps the order fields are added in. */
    static Map<String, Object> fields(Object... nameValuePairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) m.put((String) nameValuePairs[i], nameValuePairs[i + 1]);
        return m;
    }
}
