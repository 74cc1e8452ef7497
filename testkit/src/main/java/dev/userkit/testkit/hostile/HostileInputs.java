package dev.userkit.testkit.hostile;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded corpus of hostile inputs: fixed strings for every class the hardening review named
 * (SQL and MongoDB operator injections, regex metacharacters, control, format, bidi and zero-width
 * characters, unpaired surrogates, homoglyphs, width forms, Turkish i, blank, 1 MB and 10 MB
 * strings), seeded random mixtures of them, and hostile JSON values (deep, wide, extreme numbers).
 * The same seed gives the same corpus, so a failure names an input that can be replayed.
 */
public final class HostileInputs {
    /** The seed of the random part; a failure message names the input's index in the corpus. */
    public static final long SEED = 20261201L;
    private static final int RANDOM_STRINGS = 24;

    private HostileInputs() {}

    /**
     * The hostile strings, fixed ones first, then {@value #RANDOM_STRINGS} seeded mixtures.
     *
     * @return the strings
     */
    public static List<String> strings() {
        List<String> out = new ArrayList<>(List.of(
                // SQL
                "' OR '1'='1", "admin'--", "\"; DROP TABLE userkit_users; --", "1); SELECT pg_sleep(5); --", "%", "_", "\\",
                "a' UNION SELECT password_hash FROM userkit_users --",
                // MongoDB operators and paths
                "{\"$ne\": null}", "$where", "$gt", "a.b", "$", "{\"$regex\": \".*\"}", "this.password_hash.length > 0",
                // regex metacharacters
                ".*", "(a+)+$", "[", "^$", "\\Q\\E", "a|b",
                // control characters and line breaks
                "\u0000", "a\u0000b", "\u0001", "\u001b[31mred", "line\r\nbreak", "tab\there", "\u007f", "\u0085", "\u2028",
                // format, bidi, zero-width
                "\u200b", "a\u200bb", "\u202eevil", "\u2066x\u2069", "\ufeffbom", "a\u200db", "soft\u00adhyphen", "\u061c",
                // surrogates: unpaired ones are malformed, a pair is a real character
                "\ud800", "a\udc00b", "\udbff\udfff", "\ud83d\ude00",
                // homoglyphs and look-alikes of "admin"
                "\u0430dmin", "\ud835\udc1admin", "\u1d43dmin", "adm\u0131n", "\u0430\u0501\u043c\u0456\u043f", "ad\u1d0dn",
                // width forms and Turkish i
                "\uff21\uff24\uff2d\uff29\uff2e", "\uff8a\uff9f", "\u0130", "\u0131", "\u0130stanbul", "i\u0307",
                // combining marks
                "a\u0338", "e\u0301", "Z\u0334\u0321\u031b\u0316", "\u0301",
                // blank
                "", " ", "\u3000", "\u00a0", "   padded   ",
                // numbers and paths as text
                "1e400", "-0", "NaN", "9223372036854775808", "/../admin", "//", "%2F", "/a/./b", "/\u0000",
                // sizes: just over the usual caps, 1 MB, 10 MB
                "a".repeat(300), "b".repeat(70_000), "x".repeat(1 << 20), "y".repeat(10 << 20)));
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> parts = List.copyOf(out.subList(0, out.size() - 4));
        for (int i = 0; i < RANDOM_STRINGS; i++) {
            StringBuilder b = new StringBuilder();
            int n = 1 + random.nextInt(4);
            for (int j = 0; j < n; j++) b.append(random.nextBoolean() ? "user" : parts.get(random.nextInt(parts.size())));
            out.add(b.toString());
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Hostile JSON values for metadata and session data: deep, wide, huge, extreme numbers, odd keys.
     *
     * @return the values
     */
    public static List<Object> jsonValues() {
        List<Object> out = new ArrayList<>();
        out.add(nested(40));
        out.add(nested(10_000));
        Map<String, Object> wide = new LinkedHashMap<>();
        for (int i = 0; i < 100_000; i++) wide.put("k" + i, i);
        out.add(wide);
        out.add("z".repeat(10 << 20));
        out.add(List.of("a".repeat(1 << 20), "b".repeat(1 << 20)));
        out.add(Double.NaN);
        out.add(Double.POSITIVE_INFINITY);
        out.add(-0.0);
        out.add(1.0E16);
        out.add(Long.MIN_VALUE);
        out.add(new BigDecimal("1e-400"));
        out.add(new BigDecimal("1e400"));
        out.add(BigInteger.TWO.pow(70));
        out.add(Map.of("$gt", ""));
        out.add(Map.of("a.b", 1));
        out.add(Map.of("", 1));
        out.add(Map.of("\u0000", 1));
        out.add(Map.of("k", "\ud800"));
        out.add(List.of(Map.of("$where", "sleep(1000)")));
        out.add(new Object());
        return out;
    }

    private static Object nested(int depth) {
        Object v = "bottom";
        for (int i = 0; i < depth; i++) v = Map.of("n", v);
        return v;
    }

    /**
     * A short printable description of an input for failure messages.
     *
     * @param input a hostile string or JSON value
     * @return the description
     */
    public static String describe(Object input) {
        String s = String.valueOf(input);
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(40).forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7f) b.appendCodePoint(cp);
            else b.append(String.format("\\u{%x}", cp));
        });
        if (s.length() > 40) b.append("... (").append(s.length()).append(" chars)");
        return b.toString();
    }
}
