package dev.userkit.access;

import dev.userkit.domain.Limits;
import java.util.function.IntPredicate;

/**
 * Ant-style path patterns (R2): {@code *} matches any characters within one segment, {@code **}
 * (a whole segment) any number of segments, including none; {@code /api/*} does not match
 * {@code /api/a/b}. Matching is the classic linear wildcard algorithm with one back-track point,
 * applied once to segments (for {@code **}) and once to characters (for {@code *}).
 */
final class PathPattern {
    /** The punctuation a pattern segment may hold besides letters, marks and digits ('*' included). */
    private static final String PUNCTUATION = "._~!$&'()+,=:@*-";
    private static final String SYNTAX = "segments hold letters, digits and -._~!$&'()+,=:@, '*' matches within one segment"
            + " and '**' (a whole segment) any number of segments";
    private static final int MAX_LENGTH = Limits.PATH;

    private PathPattern() {}

    /**
     * What is wrong with a pattern, in a message safe to show (it names a refused character only when
     * it is printable ASCII), or null when it is well formed.
     */
    static String problem(String pattern) {
        String outline = outlineProblem(pattern);
        return outline != null ? outline : segmentProblem(segments(pattern));
    }

    /** What is wrong with a pattern as a whole (its presence, length, leading '/'), or null. */
    private static String outlineProblem(String pattern) {
        if (pattern == null) return "A permission needs a path pattern";
        if (pattern.length() > MAX_LENGTH) return "A path pattern must have at most " + MAX_LENGTH + " characters";
        if (!pattern.startsWith("/")) return "A path pattern must start with '/', as in /api/**";
        return null;
    }

    /** What is wrong with a well-outlined pattern's segments, or null. */
    private static String segmentProblem(String[] segments) {
        for (String seg : segments) {
            if (seg.isEmpty()) return "A path pattern may not hold an empty segment ('//' or a trailing '/')";
            if (seg.equals(".") || seg.equals("..")) return "A path pattern may not hold a '.' or '..' segment";
            if (seg.contains("**") && !seg.equals("**")) return "'**' must be a whole segment, as in /api/**";
            for (int i = 0; i < seg.length(); ) {
                int cp = seg.codePointAt(i);
                if (!segmentChar(cp)) return refusedCharacter(seg);
                i += Character.charCount(cp);
            }
        }
        return null;
    }

    /**
     * Whether a pattern segment may hold the character (besides '*'): RFC 3986 path characters without
     * '%' and ';', and letters, marks and digits beyond ASCII, since patterns match decoded paths
     * ({@link RequestPath}). By general category, not by regular expression: every check of every
     * permission of a user's roles runs this over the pattern.
     */
    static boolean segmentChar(int cp) {
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER, Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> cp < 0x80 && PUNCTUATION.indexOf(cp) >= 0;
        };
    }

    private static String refusedCharacter(String seg) {
        int bad = seg.codePoints().filter(cp -> !segmentChar(cp)).findFirst().orElse('?');
        String which = bad > ' ' && bad < 0x7f ? "'" + (char) bad + "'" : "a control, space or format character";
        String hint = bad == '{' || bad == '}' ? ": a variable segment such as {id} is written '*', as in /api/*" : "";
        return "A path pattern may not hold " + which + hint + " (" + SYNTAX + ")";
    }

    /**
     * Whether a pattern is valid and matches a canonical path already split by {@link #segments}: what a
     * check asks of each permission, the path split once for all of them.
     */
    static boolean grants(String pattern, String[] pathSegments) {
        if (outlineProblem(pattern) != null) return false;
        // split once, for the check and the match alike
        String[] segments = segments(pattern);
        return segmentProblem(segments) == null && matchSegments(segments, pathSegments);
    }

    /** The segments of a pattern or canonical path: none for "/". */
    static String[] segments(String s) {
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
