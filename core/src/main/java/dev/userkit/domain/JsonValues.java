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
 * Metadata and session data are JSON objects. This class validates and normalises them so that
 * every store gives back exactly what it was given: integers become {@code Long}, other numbers
 * {@code Double}, lists and maps become unmodifiable copies. Field names follow
 * {@link #FIELD_NAME} at every depth, so that no store needs to escape them (SEC-22).
 */
public final class JsonValues {
    /** Allowed field names: letters, digits, '_' and '-', 1 to 64 characters; no '$', no '.'. */
    public static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int MAX_DEPTH = 16;

    private JsonValues() {}

    /** Validates and copies a JSON object; null becomes empty. Bad input is {@link ErrorCode#INVALID_METADATA}. */
    public static Map<String, Object> object(Map<String, ?> raw) {
        if (raw == null) return Map.of();
        return copyObject(raw, 0);
    }

    /** Validates a single field name (for set-one-field and filters). */
    public static String fieldName(String name) {
        if (name == null || !FIELD_NAME.matcher(name).matches()) {
            throw new UserKitException(ErrorCode.INVALID_METADATA, "Invalid field name");
        }
        return name;
    }

    /** Validates and normalises one JSON value. */
    public static Object value(Object raw) {
        return copyValue(raw, 0);
    }

    /**
     * Validates a value used in an equality filter: only a string, number or boolean.
     * Objects, lists and null are refused, so no operator document can slip into a query.
     */
    public static Object scalar(Object raw) {
        Object v = copyValue(raw, 0);
        if (v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) return v;
        throw new UserKitException(ErrorCode.INVALID_METADATA, "Filter value must be a string, number or boolean");
    }

    private static Map<String, Object> copyObject(Map<?, ?> raw, int depth) {
        if (depth > MAX_DEPTH) throw bad("Too deeply nested");
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            if (!(e.getKey() instanceof String key)) throw bad("Field names must be strings");
            out.put(fieldName(key), copyValue(e.getValue(), depth + 1));
        }
        return Collections.unmodifiableMap(out);
    }

    private static Object copyValue(Object v, int depth) {
        if (v == null || v instanceof String || v instanceof Boolean) return v;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) return ((Number) v).longValue();
        if (v instanceof BigInteger b) {
            if (b.bitLength() < 64) return b.longValue();
            throw bad("Integer out of range");
        }
        if (v instanceof BigDecimal d) {
            if (d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) return d.longValue();
            return finite(d.doubleValue());
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 9.0e15) return (long) d;
            return finite(d);
        }
        if (v instanceof Map<?, ?> m) return copyObject(m, depth);
        if (v instanceof List<?> l) {
            if (depth > MAX_DEPTH) throw bad("Too deeply nested");
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(copyValue(o, depth + 1));
            return Collections.unmodifiableList(out);
        }
        throw bad("Not a JSON value: " + v.getClass().getSimpleName());
    }

    private static Double finite(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) throw bad("Numbers must be finite");
        return d;
    }

    private static UserKitException bad(String message) {
        return new UserKitException(ErrorCode.INVALID_METADATA, message);
    }
}
