package dev.userkit.domain;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;

/**
 * A phone number in E.164 form: '+' and 8 to 15 digits. Spaces, dashes, dots and brackets in
 * the input are dropped. Anything else is {@link ErrorCode#INVALID_PHONE}.
 *
 * @param value the E.164 number, e.g. {@code +4915112345678}
 */
public record Phone(String value) {
    /**
     * Validates the already-normalised form.
     *
     * @param value see {@link #value()}
     */
    public Phone {
        if (value == null || !value.matches("\\+[1-9][0-9]{7,14}")) {
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
        return new Phone(raw.strip().replaceAll("[\\s().-]", ""));
    }

    @Override
    public String toString() {
        return value;
    }
}
