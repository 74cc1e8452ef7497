package dev.userkit.http;

import java.util.List;
import java.util.Locale;

/** The first choice of an {@code Accept-Language} header (RFC 9110 weights honoured), for {@code ClientContext.withLocale}. */
final class RequestLocale {
    /** Longer headers are ignored rather than parsed: no browser sends one. */
    private static final int MAX_HEADER = 1_024;

    private RequestLocale() {}

    /** The most preferred concrete language, or null for none, only {@code *}, or a malformed or over-long header. */
    static Locale firstChoice(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > MAX_HEADER) return null;
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        for (Locale.LanguageRange r : ranges) {
            if (r.getWeight() > 0 && !r.getRange().contains("*")) return Locale.forLanguageTag(r.getRange());
        }
        return null;
    }
}
