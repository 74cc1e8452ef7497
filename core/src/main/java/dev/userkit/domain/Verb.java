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
     * Parses a verb case-insensitively; anything else is {@link ErrorCode#INVALID_PATTERN}.
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
        throw new UserKitException(ErrorCode.INVALID_PATTERN, "Unknown HTTP verb");
    }
}
