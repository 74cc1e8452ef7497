package dev.userkit.accounts;

import dev.userkit.domain.UserId;

/**
 * The outcome of a registration (A1, A2).
 *
 * @param userId the new user's id
 * @param verificationCode the email verification code (also mailed), or null when the user was activated on sign-up
 */
public record Registration(UserId userId, String verificationCode) {
    @Override
    public String toString() {
        return "Registration[" + userId + "]";
    }
}
