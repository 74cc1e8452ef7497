package dev.userkit.access;

import dev.userkit.domain.Limits;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The canonical form of a request path (R4), the form permissions are matched against. The input
 * is the path as the client sent it (a servlet's {@code getRequestURI()} less the context path):
 * a query after '?' is cut off, one trailing '/' is dropped, and each segment's percent-escapes are
 * decoded as UTF-8, so {@code /files/caf%C3%A9}, {@code /files/café} and {@code /files/caf%c3%a9}
 * are one path and {@code /files/my%20doc} is {@code /files/my doc}.
 *
 * <p>A path a server might resolve to another resource than the one checked has no canonical form
 * and is FORBIDDEN: an empty segment ({@code //}), a "." or ".." segment, an encoded '.' (the
 * traversal trick {@code %2e%2e}), '/', '\', '%' (double encoding), ';', '?' or '#', a path parameter ({@code ;jsessionid=}), a raw
 * backslash, space, '#' or control character, a malformed escape or malformed UTF-8, a control,
 * format (bidi, zero-width) or separator character, a noncharacter, or more than {@link Limits#PATH}
 * characters. No Unicode normalisation is applied: {@code cafe\u0301} is not {@code café}, since a
 * file system may tell them apart (deny by default).
 */
final class RequestPath {
    private static final String RAW_ASCII = "-._~!$&'()*+,=:@";
    /** Never taken from an escape: an encoded '.' is the traversal trick ({@code %2e%2e}), the rest change how a path splits. */
    private static final String NEVER_DECODED = "/\\%;?#.";

    private RequestPath() {}

    /**
     * The canonical form of a raw request path, or null if it has none.
     *
     * @param raw the path as sent, possibly with a query
     * @return the decoded canonical path, or null
     */
    static String canonical(String raw) {
        if (raw == null) return null;
        int query = raw.indexOf('?');
        String path = query < 0 ? raw : raw.substring(0, query);
        if (path.length() > Limits.PATH || !path.startsWith("/")) return null;
        // one trailing '/' names the same collection ("/api/orders/"); "//" keeps its empty segment and stays refused
        if (path.length() > 1 && path.endsWith("/") && !path.endsWith("//")) path = path.substring(0, path.length() - 1);
        if (path.equals("/")) return path;
        StringBuilder out = new StringBuilder(path.length());
        for (String segment : path.substring(1).split("/", -1)) {
            String decoded = decode(segment);
            if (decoded == null || decoded.equals(".") || decoded.equals("..")) return null;
            out.append('/').append(decoded);
        }
        return out.toString();
    }

    /** One segment decoded, or null when a raw or a decoded character is refused. */
    private static String decode(String segment) {
        if (segment.isEmpty()) return null;
        StringBuilder out = new StringBuilder(segment.length());
        int i = 0;
        while (i < segment.length()) {
            if (segment.charAt(i) == '%') {
                int end = i;
                while (end < segment.length() && segment.charAt(end) == '%') end += 3;
                String text = escapes(segment, i, end);
                if (text == null || !decodedAllowed(text)) return null;
                out.append(text);
                i = end;
            } else {
                int cp = segment.codePointAt(i);
                if (!rawAllowed(cp)) return null;
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
        }
        return out.toString();
    }

    /**
     * A run of escapes {@code %XX%XX...} from {@code from} to {@code to} as strict UTF-8, or null
     * when an escape is cut short, not hexadecimal, or the bytes are not UTF-8. A character spread
     * over escapes must lie in one run, so each run is decoded whole.
     */
    private static String escapes(String s, int from, int to) {
        if (to > s.length()) return null;
        byte[] bytes = new byte[(to - from) / 3];
        for (int i = from, b = 0; i < to; i += 3, b++) {
            int hi = Character.digit(s.charAt(i + 1), 16);
            int lo = Character.digit(s.charAt(i + 2), 16);
            if (hi < 0 || lo < 0) return null;
            bytes[b] = (byte) (hi << 4 | lo);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException malformed) {
            return null;
        }
    }

    /** Characters a client may send unescaped: RFC 3986 path characters, and letters beyond ASCII. */
    private static boolean rawAllowed(int cp) {
        if (cp < 0x80) return Character.isLetterOrDigit(cp) || RAW_ASCII.indexOf(cp) >= 0;
        return !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && printable(cp);
    }

    /** Decoded text may hold a space, never a character that changes how a server splits or resolves the path. */
    private static boolean decodedAllowed(String text) {
        return text.codePoints().allMatch(cp -> NEVER_DECODED.indexOf(cp) < 0 && (cp == ' ' || printable(cp) && cp > ' '));
    }

    private static boolean printable(int cp) {
        if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) return false;
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE && type != Character.UNASSIGNED && type != Character.PRIVATE_USE;
    }
}
