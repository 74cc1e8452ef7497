package dev.userkit.spi;

import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.UserId;
import java.time.Instant;
import java.util.Objects;

/**
 * A one-time code as a store keeps it: never the code itself.
 *
 * @param codeHash SHA-256 (link codes) or HMAC (short codes) of the code, base64url; unique
 * @param userId whom the code belongs to
 * @param purpose what it may be used for
 * @param target the address the code was sent to and is bound to (new email, phone), or null
 * @param createdAt when issued
 * @param expiresAt when it stops working (checked at consumption)
 * @param failedAttempts wrong guesses recorded against this user's live code of this purpose
 */
public record CodeRecord(String codeHash, UserId userId, CodePurpose purpose, String target,
                         Instant createdAt, Instant expiresAt, int failedAttempts) {
    /**
     * Checks required fields.
     *
     * @param codeHash see {@link #codeHash()}
     * @param userId see {@link #userId()}
     * @param purpose see {@link #purpose()}
     * @param target see {@link #target()}
     * @param createdAt see {@link #createdAt()}
     * @param expiresAt see {@link #expiresAt()}
     * @param failedAttempts see {@link #failedAttempts()}
     */
    public CodeRecord {
        Objects.requireNonNull(codeHash, "codeHash");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
