package dev.userkit.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses a duration written as ISO-8601 ({@code PT30M}, {@code P7D}) or as a number and a unit ({@code 30m}). */
final class DurationText {
    /** What {@link #parse} accepts, for error messages. */
    static final String EXPECTED = "a duration: ISO-8601 such as PT30M, or a whole number with ms, s, m, h or d such as 30m";
    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,18})(ms|s|m|h|d)");

    private DurationText() {}

    /** The duration, or {@link IllegalArgumentException} if the text is in neither form. */
    static Duration parse(String text) {
        String s = text.strip();
        if (s.startsWith("P") || s.startsWith("p")) {
            try {
                return Duration.parse(s);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(EXPECTED, e);
            }
        }
        Matcher m = SIMPLE.matcher(s);
        if (!m.matches()) throw new IllegalArgumentException(EXPECTED);
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
