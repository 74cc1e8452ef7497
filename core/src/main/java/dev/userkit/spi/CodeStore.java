package dev.userkit.spi;

import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/** Persists one-time codes by hash. Each method is atomic by itself. */
public interface CodeStore {
    /**
     * Inserts a code; an existing hash throws {@link DuplicateKeyException}.
     * The user must exist; a SQL store may refuse an unknown user with {@link UnknownUserException}
     * (by foreign key), which the services meet only when the user is deleted concurrently.
     *
     * @param code the new code, stored by its hash
     */
    void insert(CodeRecord code);

    /**
     * Atomically removes and returns the code with this hash and purpose (REL-1): of any number of
     * concurrent callers, exactly one gets it. A code of another purpose is neither returned nor
     * removed. Expired codes are returned too (the service tells expired from invalid).
     *
     * @param codeHash the hash of the code as presented
     * @param purpose the purpose the code must have
     * @return the removed code, or empty if there is none (or another caller got it)
     */
    Optional<CodeRecord> consume(String codeHash, CodePurpose purpose);

    /**
     * Deletes the user's codes of this purpose (a new code voids the old one); returns how many.
     *
     * @param userId the user's id
     * @param purpose the purpose of the codes to delete
     * @return how many codes were deleted
     */
    int deleteFor(UserId userId, CodePurpose purpose);

    /**
     * Deletes every code of the user (A10); returns how many.
     *
     * @param userId the user's id
     * @return how many codes were deleted
     */
    int deleteAllFor(UserId userId);

    /**
     * Atomically adds one to {@code failedAttempts} of the user's codes of this purpose and returns
     * the new highest count, or empty if the user has no such code.
     *
     * @param userId the user's id
     * @param purpose the purpose of the codes to count against
     * @return the new highest failure count, or empty
     */
    OptionalInt recordFailedAttempt(UserId userId, CodePurpose purpose);

    /**
     * Deletes up to {@code limit} codes whose expiry is at or before {@code now} and returns
     * how many (maintenance purges in bounded batches). Live codes stay.
     *
     * @param now the current instant
     * @param limit the most codes to delete in this call
     * @return how many codes were deleted
     */
    int deleteExpired(Instant now, int limit);
}
