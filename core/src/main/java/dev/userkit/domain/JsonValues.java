package dev.userkit.domain;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Metadata and session data are JSON objects. This class validates and normalises them, once, in
 * core, so that every store gives back exactly what it was given and every filter matches the
 * same rows on every store (SEC-29). Lists and maps become unmodifiable copies; field names follow
 * {@link #FIELD_NAME} at every depth, so that no store needs to escape them (SEC-22); JSON null
 * is a value like any other. Strings must be well formed ({@link TextRules#isWellFormed}); size,
 * depth and key count are capped as {@link Limits} says. Anything else is
 * {@link ErrorCode#INVALID_METADATA} (1009).
 *
 * <h2>The numeric model</h2>
 * A number has exactly one normalised form, so two numbers are equal exactly when their values are:
 * <ul>
 *   <li>an integer that fits a {@code long} is a {@link Long}, whatever type it came as
 *       ({@code Integer}, {@code 3.0}, {@code BigDecimal("3.00")}, {@code 1.0E16});</li>
 *   <li>any other number is rounded to the nearest {@link Double}; if that double is a whole
 *       number that fits a {@code long} (as {@code BigDecimal("1e-400")} rounds to 0), it is
 *       that {@code Long}; otherwise it stays a {@code Double} ({@code 2.5}, {@code 1.0E20});</li>
 *   <li>NaN, the infinities and numbers beyond the double range are refused (1009).</li>
 * </ul>
 * Hence no {@code Double} is ever equal in value to a {@code Long}, and a store that compares
 * numbers by value (PostgreSQL's jsonb, MongoDB) and one that compares them by type and value
 * (the in-memory store, MariaDB) agree on every filter.
 */
public final class JsonValues {
    /** Allowed field names: letters, digits, '_' and '-', 1 to 64 characters; no '$', no '.'. */
    public static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_-]{1," + Limits.JSON_KEY + "}");
    /** 2^63: doubles below it in magnitude that are whole numbers fit a long exactly. */
    private static final double TWO_63 = 0x1p63;

    private JsonValues() {}

    /**
     * Validates and copies a JSON object; null becomes empty, and an empty one is not copied.
     *
     * @param raw the JSON object as given, or null
     * @return the normalised, unmodifiable copy
     * @throws UserKitException INVALID_METADATA (1009) for anything outside the model or over a cap in {@link Limits}
     */
    public static Map<String, Object> object(Map<String, ?> raw) {
        // most sessions and users hold no data: nothing to validate, and one shared empty map
        if (raw == null || raw.isEmpty()) return Map.of();
        return new Copy().object(raw, 1);
    }

    /**
     * Validates a single field name (for set-one-field and filters).
     *
     * @param name the field name
     * @return the same name
     * @throws UserKitException INVALID_METADATA (1009) unless it matches {@link #FIELD_NAME}
     */
    public static String fieldName(String name) {
        if (name == null || name.length() > Limits.JSON_KEY || !FIELD_NAME.matcher(name).matches()) {
            throw bad("Invalid field name");
        }
        return name;
    }

    /**
     * Validates and normalises one JSON value (null stays null) as the value of a top-level field:
     * within the same caps as a whole object, its nesting counted from level 2.
     *
     * @param raw the JSON value as given, or null
     * @return the normalised value
     * @throws UserKitException INVALID_METADATA (1009)
     */
    public static Object value(Object raw) {
        return new Copy().value(raw, 2);
    }

    /**
     * Validates a value used in an equality filter: only a string (at most
     * {@link Limits#FILTER_STRING} code points), number or boolean, normalised as stored values are,
     * so that the filter compares normalised values on every store. Objects, lists and null are
     * refused, so no operator document can slip into a query.
     *
     * @param raw the value to filter by
     * @return the normalised value
     * @throws UserKitException INVALID_METADATA (1009)
     */
    public static Object scalar(Object raw) {
        if (raw instanceof String s && (s.length() > 2 * Limits.FILTER_STRING
                || s.codePointCount(0, s.length()) > Limits.FILTER_STRING)) {
            throw bad("Filter strings have at most " + Limits.FILTER_STRING + " characters");
        }
        Object v = value(raw);
        if (v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) return v;
        throw bad("Filter value must be a string, number or boolean");
    }

    /**
     * The normalised form of a number (see the numeric model above).
     *
     * @throws UserKitException INVALID_METADATA (1009) for NaN, infinities and out-of-range numbers
     */
    static Object number(Number n) {
        if (n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte) return n.longValue();
        if (n instanceof BigInteger b) return b.bitLength() < Long.SIZE ? (Object) b.longValue() : whole(b.doubleValue());
        if (n instanceof BigDecimal d) {
            BigDecimal exact = d.stripTrailingZeros();
            if (exact.scale() <= 0 && exact.precision() - exact.scale() <= 19) {
                BigInteger i = exact.toBigIntegerExact();
                if (i.bitLength() < Long.SIZE) return i.longValue();
            }
            return whole(d.doubleValue());
        }
        if (n instanceof Double || n instanceof Float) return whole(n.doubleValue());
        throw bad("Not a JSON number: " + n.getClass().getSimpleName());
    }

    private static Object whole(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) throw bad("Numbers must be finite and within the double range");
        if (d == Math.rint(d) && d >= -TWO_63 && d < TWO_63) return (long) d;
        return d;
    }

    private static UserKitException bad(String message) {
        return new UserKitException(ErrorCode.INVALID_METADATA, message);
    }

    /** One validating copy, carrying the byte and key budget of the whole value. */
    private static final class Copy {
        private long bytes;
        private int keys;

        Map<String, Object> object(Map<?, ?> raw, int depth) {
            if (depth > Limits.JSON_DEPTH) throw bad("Nested deeper than " + Limits.JSON_DEPTH + " levels");
            spend(2);
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : raw.entrySet()) {
                if (!(e.getKey() instanceof String key)) throw bad("Field names must be strings");
                if (++keys > Limits.JSON_KEYS) throw bad("More than " + Limits.JSON_KEYS + " keys");
                spend(fieldName(key).length() + 4L); // quotes, colon, comma
                out.put(key, value(e.getValue(), depth + 1));
            }
            return Collections.unmodifiableMap(out);
        }

        Object value(Object v, int depth) {
            if (v == null) {
                spend(4);
                return null;
            }
            if (v instanceof String s) return string(s);
            if (v instanceof Boolean b) {
                spend(b ? 4 : 5);
                return b;
            }
            if (v instanceof Number n) {
                Object normal = number(n);
                spend(normal.toString().length());
                return normal;
            }
            if (v instanceof Map<?, ?> m) return object(m, depth);
            if (v instanceof List<?> l) return list(l, depth);
            throw bad("Not a JSON value: " + v.getClass().getSimpleName());
        }

        private List<Object> list(List<?> l, int depth) {
            if (depth > Limits.JSON_DEPTH) throw bad("Nested deeper than " + Limits.JSON_DEPTH + " levels");
            spend(2);
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                spend(1); // comma
                out.add(value(o, depth + 1));
            }
            return Collections.unmodifiableList(out);
        }

        private String string(String s) {
            // UTF-8 takes at least one byte per UTF-16 unit: a huge string is refused before it is scanned
            spend(s.length() + 2L);
            if (!TextRules.isWellFormed(s)) throw bad("Strings may not hold NUL, unpaired surrogates or noncharacters");
            spend(TextRules.utf8Length(s) - (long) s.length());
            return s;
        }

        private void spend(long n) {
            bytes += n;
            if (bytes > Limits.JSON_BYTES) throw bad("Larger than " + Limits.JSON_BYTES + " bytes as JSON");
        }
    }
}
