package dev.userkit.store.jdbc;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The positions of a result's columns by label, and of a join's aliased columns by their unprefixed
 * name under each prefix ({@code u_username} as {@code username} under {@code u_}). A {@link Row}
 * reads by position through it: reading by label made the driver find the label, a new string
 * concatenated with the prefix on every read, for each column of each row, which on the
 * one-statement validation read was a tenth of the client's time.
 *
 * <p>Labels are matched as the drivers match them, without regard to case; a name the result does
 * not have is left to the driver to refuse.
 */
final class ColumnIndex {
    private final Map<String, Integer> positions;
    // the prefix the labels had: a name not found is looked up again under it, never bare (another table's column)
    private final String prefix;
    private final Map<String, ColumnIndex> underPrefix = new ConcurrentHashMap<>();

    private ColumnIndex(Map<String, Integer> positions, String prefix) {
        this.positions = positions;
        this.prefix = prefix;
    }

    /** The index of the columns {@code rs} returns. */
    static ColumnIndex of(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Integer> positions = new HashMap<>();
        // the first of two equal labels wins, as in the drivers' own lookup
        for (int i = meta.getColumnCount(); i >= 1; i--) positions.put(key(meta.getColumnLabel(i)), i);
        return new ColumnIndex(positions, "");
    }

    /** The columns whose label starts with {@code prefix}, by the rest of their label. */
    ColumnIndex under(String prefix) {
        ColumnIndex known = underPrefix.get(prefix);
        if (known != null) return known;
        return underPrefix.computeIfAbsent(prefix, p -> {
            String lower = key(p);
            Map<String, Integer> rest = new HashMap<>();
            positions.forEach((label, position) -> {
                if (label.startsWith(lower)) rest.put(label.substring(lower.length()), position);
            });
            return new ColumnIndex(rest, prefix + p);
        });
    }

    /** The position of column {@code name} in {@code rs}, from 1. */
    int position(ResultSet rs, String name) throws SQLException {
        Integer position = positions.get(name);
        if (position == null) position = positions.get(key(name));
        return position != null ? position : rs.findColumn(prefix + name);
    }

    private static String key(String label) {
        return label.toLowerCase(Locale.ROOT);
    }

    /**
     * The indexes of one store's statements by their text, so that each is built once per statement
     * rather than per result. Bounded: past {@link #MAX_STATEMENTS} texts (the stores compose a few
     * dozen) an index is built for its result alone.
     */
    static final class Cache {
        static final int MAX_STATEMENTS = 512;
        private final Map<String, ColumnIndex> bySql = new ConcurrentHashMap<>();

        /** The index of {@code rs}, the result of {@code sql}. */
        ColumnIndex of(String sql, ResultSet rs) throws SQLException {
            ColumnIndex index = bySql.get(sql);
            if (index != null) return index;
            index = ColumnIndex.of(rs);
            if (bySql.size() < MAX_STATEMENTS) bySql.putIfAbsent(sql, index);
            return index;
        }
    }
}
