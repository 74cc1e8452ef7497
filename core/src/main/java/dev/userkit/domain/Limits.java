package dev.userkit.domain;

/**
 * Every size cap on text and JSON input, in one place (SEC-29). The value types and
 * {@link JsonValues} enforce them in their factories and constructors, so a value over a cap never
 * exists and no store ever sees one: every store answers the same, with a typed code, before any
 * store call. Text lengths count Unicode code points; the caps keep every field well inside the
 * smallest column any store has (MariaDB's {@code TEXT}, 65,535 bytes, at 4 bytes per code point).
 *
 * <p>Which characters a text may hold is {@link TextRules}' job; usernames and emails have their
 * own rules and caps ({@link Username#MAX_LENGTH}, {@link Email#MAX_LENGTH}).
 */
public final class Limits {
    /** A first or last name: at most 256 code points, single-line. */
    public static final int NAME = 256;
    /** A postal address: at most 1,000 code points, multi-line. */
    public static final int ADDRESS = 1_000;
    /** A profile's additional information: at most 4,000 code points, multi-line. */
    public static final int ADDITIONAL_INFO = 4_000;
    /** A role name: 1 to 64 characters of {@code [A-Za-z0-9_.-]}. */
    public static final int ROLE_NAME = 64;
    /** A role description: at most 1,000 code points, multi-line. */
    public static final int ROLE_DESCRIPTION = 1_000;
    /** A permission name: 1 to 64 characters of {@code [A-Za-z0-9_.:-]}. */
    public static final int PERMISSION_NAME = 64;
    /** A permission's path pattern, and a request path to authorise: at most 1,024 characters. */
    public static final int PATH = 1_024;
    /** An imported password hash (A17): printable ASCII, at most 1,024 characters; anything else is 1011. */
    public static final int PASSWORD_HASH = 1_024;
    /** A client's user agent (kept on device records): at most 512 code points, single-line. */
    public static final int USER_AGENT = 512;
    /** A user's language (M3): a BCP 47 language tag of at most 35 characters (RFC 5646's advice for a tag field). */
    public static final int LANGUAGE_TAG = 35;
    /** A client's network address (an IPv6 address with a zone fits): at most 256 code points, single-line. */
    public static final int CLIENT_ADDRESS = 256;

    /**
     * Metadata and session data: the size of the whole object as compact JSON text, at most
     * 65,536 bytes. Counted as UTF-8 bytes of every key and string plus quotes, separators and the
     * text of numbers and literals; escapes are not counted, so the figure is the same on every store.
     */
    public static final int JSON_BYTES = 65_536;
    /** Metadata and session data: at most 16 levels of nesting, the top-level object being level 1. */
    public static final int JSON_DEPTH = 16;
    /** Metadata and session data: at most 1,000 keys, counted over every object at every level. */
    public static final int JSON_KEYS = 1_000;
    /** A metadata or session-data key: 1 to 64 characters of {@code [A-Za-z0-9_-]} ({@link JsonValues#FIELD_NAME}). */
    public static final int JSON_KEY = 64;
    /** A string used as a metadata filter value: at most 1,024 code points. Longer stored strings cannot be filtered on. */
    public static final int FILTER_STRING = 1_024;

    private Limits() {}
}
