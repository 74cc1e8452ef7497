package dev.userkit.domain;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form: '+' and 8 to 15 digits. Spaces, dashes, dots and brackets in
 * the input are dropped. Anything else is {@link ErrorCode#INVALID_PHONE}.
 *
 * @param value the E.164 number, e.g. {@code +4915112345678}
 */
public record Phone(String value) {
    // compiled once: every user a store reads that has a phone is checked again here
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s().-]");

    /**
     * Validates the already-normalised form.
     *
     * @param value see {@link #value()}
     */
    public Phone {
        if (value == null || !E164.matcher(value).matches()) {
            throw new UserKitException(ErrorCode.INVALID_PHONE);
        }
    }

    /**
     * Normalises (drops separators) and validates.
     *
     * @param raw the number as entered
     * @return the number in E.164 form
     */
    public static Phone of(String raw) {
        if (raw == null) throw new UserKitException(ErrorCode.INVALID_PHONE);
        return new Phone(SEPARATORS.matcher(raw.strip()).replaceAll(""));
    }

    @Override
    public String toString() {
        return value;
    }
}
