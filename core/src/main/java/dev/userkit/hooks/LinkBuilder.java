package dev.userkit.hooks;

import dev.userkit.domain.CodePurpose;

/**
 * Turns a one-time code into what the mail shows (M1): usually a link into the application,
 * such as {@code https://app.example/reset?code=...}. The default shows the bare code.
 */
@FunctionalInterface
public interface LinkBuilder {
    /** Shows the code itself. */
    LinkBuilder CODE_ONLY = (purpose, code) -> code;

    /**
     * The text to put in the mail for this code.
     *
     * @param purpose what the code is for
     * @param code the code
     * @return the text, usually a link carrying the code
     */
    String build(CodePurpose purpose, String code);
}
