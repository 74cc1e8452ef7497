package dev.userkit.recovery;

/**
 * The outcome of a reset to a generated password (C4).
 *
 * @param username the account's username
 * @param password the new random password (show it once; it is not stored anywhere in the clear)
 */
public record GeneratedPassword(String username, String password) {
    @Override
    public String toString() {
        return "GeneratedPassword[" + username + ", ***]";
    }
}
