package dev.userkit.store.jdbc;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A table's column list (as its store writes it, {@code "id, name"}) in the forms a join selects
 * it: qualified by the table's alias, or also renamed under a prefix that {@link Row#prefixed} reads,
 * so that columns of the same name in two tables do not collide.
 */
final class Columns {
    private Columns() {}

    /** {@code "id, name"} as {@code "t.id, t.name"}. */
    static String qualified(String table, String columns) {
        return each(columns, c -> table + "." + c);
    }

    /** {@code "id, name"} as {@code "t.id AS p_id, t.name AS p_name"} for prefix {@code p_}. */
    static String aliased(String table, String prefix, String columns) {
        return each(columns, c -> table + "." + c + " AS " + prefix + c);
    }

    private static String each(String columns, java.util.function.UnaryOperator<String> form) {
        return Arrays.stream(columns.split(",")).map(String::trim).map(form).collect(Collectors.joining(", "));
    }
}
