package dev.userkit.access;

import dev.userkit.domain.Limits;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/**
 * Ant-style path patterns (R2): {@code *} matches any characters within one segment, {@code **}
 * (a whole segment) any number of segments, including none; {@code /api/*} does not match
 * {@code /api/a/b}. Matching is the classic linear wildcard algorithm with one back-track point,
 * applied once to segments (for {@code **}) and once to characters (for {@code *}).
 */
final class PathPattern {
    /**
     * Characters a pattern segment may hold (besides '*'): RFC 3986 path characters without '%' and
     * ';', and letters, marks and digits beyond ASCII, since patterns match decoded paths ({@link RequestPath}).
     */
    private static final Pattern SEGMENT = Pattern.compile("[\\p{L}\\p{M}\\p{N}._~!$&'()+,=:@*-]+");
    private static final String SYNTAX = "segments hold letters, digits and -._~!$&'()+,=:@, '*' matches within one segment"
            + " and '**' (a whole segment) any number of segments";
    private static final int MAX_LENGTH = Limits.PATH;

    private PathPattern() {}

    /**
     * Whether a pattern is well formed: starts with '/', at most 1024 characters, no empty, "." or
     * ".." segment, "**" only as a whole segment, and only path characters. "/" alone is the root.
     */
    static boolean isValid(String pattern) {
        return problem(pattern) == null;
    }

    /**
     * What is wrong with a pattern, in a message safe to show (it names a refused character only when
     * it is printable ASCII), or null when it is well formed.
     */
    static String problem(String pattern) {
        if (pattern == null) return "A permission needs a path pattern";
        if (pattern.length() > MAX_LENGTH) return "A path pattern must have at most " + MAX_LENGTH + " characters";
        if (!pattern.startsWith("/")) return "A path pattern must start with '/', as in /api/**";
        if (pattern.equals("/")) return null;
        for (String seg : pattern.substring(1).split("/", -1)) {
            if (seg.isEmpty()) return "A path pattern may not hold an empty segment ('//' or a trailing '/')";
            if (seg.equals(".") || seg.equals("..")) return "A path pattern may not hold a '.' or '..' segment";
            if (seg.contains("**") && !seg.equals("**")) return "'**' must be a whole segment, as in /api/**";
            if (!SEGMENT.matcher(seg).matches()) return refusedCharacter(seg);
        }
        return null;
    }

    private static String refusedCharacter(String seg) {
        int bad = seg.codePoints().filter(cp -> !SEGMENT.matcher(new String(Character.toChars(cp))).matches()).findFirst().orElse('?');
        String which = bad > ' ' && bad < 0x7f ? "'" + (char) bad + "'" : "a control, space or format character";
        String hint = bad == '{' || bad == '}' ? ": a variable segment such as {id} is written '*', as in /api/*" : "";
        return "A path pattern may not hold " + which + hint + " (" + SYNTAX + ")";
    }

    /** Whether a canonical path matches a valid pattern. */
    static boolean matches(String pattern, String path) {
        return matchSegments(segments(pattern), segments(path));
    }

    private static String[] segments(String s) {
        return s.equals("/") ? new String[0] : s.substring(1).split("/", -1);
    }

    private static boolean matchSegments(String[] p, String[] s) {
        return glob(p.length, s.length, i -> p[i].equals("**"), (i, j) -> matchSegment(p[i], s[j]));
    }

    private static boolean matchSegment(String p, String s) {
        return glob(p.length(), s.length(), i -> p.charAt(i) == '*', (i, j) -> p.charAt(i) == s.charAt(j));
    }

    /** Whether pattern element {@code i} matches subject element {@code j}. */
    @FunctionalInterface
    private interface ElementMatch {
        boolean test(int i, int j);
    }

    /**
     * Wildcard matching over abstract sequences: a star element matches any run of subject elements
     * (none included), other elements match one. On a mismatch it returns to the last star and lets
     * it absorb one more element; linear in practice, O(n*m) at worst, no recursion.
     */
    private static boolean glob(int patternLength, int subjectLength, IntPredicate isStar, ElementMatch same) {
        int pi = 0, si = 0, star = -1, mark = 0;
        while (si < subjectLength) {
            if (pi < patternLength && isStar.test(pi)) {
                star = pi++;
                mark = si;
            } else if (pi < patternLength && same.test(pi, si)) {
                pi++;
                si++;
            } else if (star >= 0) {
                pi = star + 1;
                si = ++mark;
            } else {
                return false;
            }
        }
        while (pi < patternLength && isStar.test(pi)) pi++;
        return pi == patternLength;
    }
}
