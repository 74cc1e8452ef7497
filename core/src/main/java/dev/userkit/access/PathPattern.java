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
    /** Characters a pattern segment may hold (besides '*'): RFC 3986 path characters without '%' and ';'. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()+,=:@*-]+");
    /** Characters a request path segment may hold; anything else (%, ;, \\, controls, spaces) is not canonical. */
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()*+,=:@-]+");
    private static final int MAX_LENGTH = Limits.PATH;

    private PathPattern() {}

    /**
     * Whether a pattern is well formed: starts with '/', at most 1024 characters, no empty, "." or
     * ".." segment, "**" only as a whole segment, and only path characters. "/" alone is the root.
     */
    static boolean isValid(String pattern) {
        if (pattern == null || pattern.length() > MAX_LENGTH || !pattern.startsWith("/")) return false;
        if (pattern.equals("/")) return true;
        for (String seg : pattern.substring(1).split("/", -1)) {
            if (!SEGMENT.matcher(seg).matches() || seg.equals(".") || seg.equals("..")) return false;
            if (seg.contains("**") && !seg.equals("**")) return false;
        }
        return true;
    }

    /**
     * Whether a request path is canonical (R4): starts with '/', no empty segment ('//' or a trailing
     * '/'), no "." or ".." segment, no percent-encoding at all (so no encoded slash, backslash or
     * dot), no backslash, ';', '?', '#', spaces or controls. Anything else is FORBIDDEN, whatever
     * the roles, since a server might resolve it to another path than the one checked.
     */
    static boolean isCanonicalPath(String path) {
        if (path == null || path.length() > MAX_LENGTH || !path.startsWith("/")) return false;
        if (path.equals("/")) return true;
        for (String seg : path.substring(1).split("/", -1)) {
            if (!PATH_SEGMENT.matcher(seg).matches() || seg.equals(".") || seg.equals("..")) return false;
        }
        return true;
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
