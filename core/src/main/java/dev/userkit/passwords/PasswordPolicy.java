package dev.userkit.passwords;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.crypto.Secrets;
import dev.userkit.domain.Email;
import dev.userkit.domain.TextRules;
import dev.userkit.domain.Username;
import java.text.Normalizer;
import java.util.Locale;

/**
 * What a new password must satisfy (SEC-01..SEC-03): a length in Unicode code points between the
 * configured bounds (over-long input is refused before any normalisation or hashing), not on the
 * common-password list, and not containing the username or the email's local part. There are
 * deliberately no composition rules and no case changes; NFKC is applied as the hasher does.
 */
public final class PasswordPolicy {
    /** Context words shorter than this are too common to forbid inside a password. */
    private static final int MIN_CONTEXT_LENGTH = 3;
    private final int minLength;
    private final int maxLength;

    /**
     * A policy with the configured bounds.
     *
     * @param config the minimum and maximum lengths
     */
    public PasswordPolicy(UserKitConfig config) {
        this.minLength = config.passwordMinLength();
        this.maxLength = config.passwordMaxLength();
    }

    /**
     * Checks everything that does not depend on the user.
     *
     * @param password the password as entered
     * @throws UserKitException INVALID_ARGUMENT (null, or a NUL, unpaired surrogate or noncharacter: UTF-8
     *         would turn an unpaired surrogate into '?', so two passwords would hash alike), PASSWORD_TOO_LONG (1002),
     *         PASSWORD_TOO_SHORT (1001), PASSWORD_BLOCKLISTED (1003)
     */
    public void checkAlone(String password) {
        if (password == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Password is required");
        // a cheap bound on the raw input first, so that megabytes never reach normalisation or hashing
        if (password.length() > 2L * maxLength || password.codePointCount(0, password.length()) > maxLength) {
            throw tooLong();
        }
        if (!TextRules.isWellFormed(password)) {
            throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Password holds a NUL, an unpaired surrogate or a noncharacter");
        }
        String n = normalise(password);
        int length = n.codePointCount(0, n.length());
        if (length > maxLength) throw tooLong();
        if (length < minLength) {
            throw new UserKitException(ErrorCode.PASSWORD_TOO_SHORT, "Password must have at least " + minLength + " characters");
        }
        if (CommonPasswords.contains(n)) {
            throw new UserKitException(ErrorCode.PASSWORD_BLOCKLISTED, "Password is too common or known from a breach");
        }
    }

    /**
     * Checks that the password does not contain the username or the email's local part.
     *
     * @param password the password as entered
     * @param username the user's username
     * @param email the user's email
     * @throws UserKitException PASSWORD_CONTAINS_CONTEXT (1004)
     */
    public void checkContext(String password, Username username, Email email) {
        String folded = normalise(password).toLowerCase(Locale.ROOT);
        if (containsWord(folded, username == null ? null : username.value())) {
            throw new UserKitException(ErrorCode.PASSWORD_CONTAINS_CONTEXT, "Password contains the user name");
        }
        if (containsWord(folded, email == null ? null : email.localPart())) {
            throw new UserKitException(ErrorCode.PASSWORD_CONTAINS_CONTEXT, "Password contains the email address");
        }
    }

    /**
     * Both checks.
     *
     * @param password the password as entered
     * @param username the user's username
     * @param email the user's email
     * @throws UserKitException 1001, 1002, 1003, 1004 or INVALID_ARGUMENT as the two checks say
     */
    public void check(String password, Username username, Email email) {
        checkAlone(password);
        checkContext(password, username, email);
    }

    /**
     * A new random password that satisfies this policy (C4, R5): base64url text from
     * SecureRandom, at least 256 bits, at least the minimum length and at most the maximum.
     *
     * @return the password
     */
    public String generate() {
        StringBuilder b = new StringBuilder();
        while (b.length() < minLength || b.length() < 43) b.append(Secrets.newToken());
        return b.substring(0, Math.min(maxLength, Math.max(minLength, 43)));
    }

    private static boolean containsWord(String folded, String word) {
        if (word == null) return false;
        String w = normalise(word).toLowerCase(Locale.ROOT);
        return w.codePointCount(0, w.length()) >= MIN_CONTEXT_LENGTH && folded.contains(w);
    }

    private static String normalise(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC);
    }

    private UserKitException tooLong() {
        return new UserKitException(ErrorCode.PASSWORD_TOO_LONG, "Password must have at most " + maxLength + " characters");
    }
}
