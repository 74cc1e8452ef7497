package dev.userkit.cli;

import java.util.regex.Pattern;

/**
 * Hides secrets in configuration values before they are shown: the whole value of a setting whose
 * name says it is a key, password, secret or token, and the password inside a connection string
 * ({@code scheme://user:PASSWORD@host}, {@code ?password=...}).
 */
final class SecretMask {
    static final String MASK = "********";
    private static final Pattern SECRET_NAME = Pattern.compile("(^|_)(KEY|KEYS|PASSWORD|PASS|SECRET|TOKEN|PEPPER|CREDENTIALS)(_|$)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@:\\s]*:)[^/@\\s]*@");
    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&;]\\s*(?:password|pwd|pass|secret)\\s*=)[^&;\\s]*");

    private SecretMask() {}

    /** The value as it may be shown. */
    static String mask(String name, String value) {
        if (SECRET_NAME.matcher(name).find()) return MASK;
        String shown = USER_INFO.matcher(value).replaceAll("$1" + MASK + "@");
        return PASSWORD_PARAMETER.matcher(shown).replaceAll("$1" + MASK);
    }
}
