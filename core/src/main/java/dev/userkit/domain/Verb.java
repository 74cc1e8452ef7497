package dev.userkit.domain;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import java.util.Locale;

/** The HTTP verbs a permission can allow. */
public enum Verb {
    /** HTTP GET. */
    GET,
    /** HTTP HEAD. */
    HEAD,
    /** HTTP POST. */
    POST,
    /** HTTP PUT. */
    PUT,
    /** HTTP PATCH. */
    PATCH,
    /** HTTP DELETE. */
    DELETE,
    /** HTTP OPTIONS. */
    OPTIONS;

    /**
     * Parses a verb case-insensitively; anything else (WebDAV's PROPFIND, TRACE, CONNECT) is
     * {@link ErrorCode#INVALID_PATTERN} with a message naming the verbs there are.
     *
     * @param text the verb's name, in any case
     * @return the verb
     */
    public static Verb parse(String text) {
        if (text != null) {
            for (Verb v : values()) {
                if (v.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
                    return v;
                }
            }
        }
        String given = text != null && text.length() <= 16 && text.chars().allMatch(c -> c > ' ' && c < 0x7f) ? " '" + text + "'" : "";
        throw new UserKitException(ErrorCode.INVALID_PATTERN,
                "Unknown HTTP verb" + given + ": a permission allows GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS");
    }
}
