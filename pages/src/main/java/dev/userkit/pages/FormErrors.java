package dev.userkit.pages;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.messages.ErrorMessages;
import java.util.HashMap;
import java.util.Map;

/**
 * A refusal shown next to the field it concerns: the code's message from core's error bundle in the
 * visitor's language, placed by the code (the pages name their fields alike: {@code username},
 * {@code email}, {@code password} for a new one, {@code current} for the present one, {@code code}),
 * or above the form ({@code form}) when no one field is at fault.
 */
final class FormErrors {
    private FormErrors() {}

    /** The {@code errors} value of a template's scope: field name to message. */
    static Map<String, String> of(UserKitException e, PageContext page) {
        Map<String, String> errors = new HashMap<>();
        String message = ErrorMessages.of(page.locale()).message(e.code());
        errors.put(field(e.code()), message);
        return errors;
    }

    /** A message of the pages' own bundle on one field, for a check the pages make themselves. */
    static Map<String, String> of(String field, String key, PageContext page) {
        Map<String, String> errors = new HashMap<>();
        errors.put(field, page.word(key));
        return errors;
    }

    static String field(ErrorCode code) {
        return switch (code) {
            case INVALID_USERNAME, USER_EXISTS, DUPLICATE -> "username";
            case INVALID_EMAIL -> "email";
            case PASSWORD_TOO_SHORT, PASSWORD_TOO_LONG, PASSWORD_BLOCKLISTED, PASSWORD_CONTAINS_CONTEXT -> "password";
            case WRONG_PASSWORD -> "current";
            case CODE_EXPIRED, CODE_INVALID, CODE_ATTEMPTS_EXHAUSTED -> "code";
            default -> "form";
        };
    }
}
