package dev.userkit.codes;

import dev.userkit.ErrorCode;
import dev.userkit.KeyRing;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.crypto.Secrets;
import dev.userkit.domain.CodePurpose;
import dev.userkit.domain.UserId;
import dev.userkit.spi.CodeRecord;
import dev.userkit.spi.CodeStore;
import dev.userkit.spi.UnitOfWork;
import dev.userkit.throttling.RateLimiter;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One-time codes for every purpose (C1, SEC-11..SEC-15). Link codes are 256-bit random tokens
 * stored as their SHA-256; short codes (typed from an SMS) are digits stored as an HMAC under the
 * key ring's current key, with the user and purpose in the HMAC input so that equal digits of two
 * users never clash. A new code of a purpose voids the user's previous one. Codes are consumed
 * atomically; expiry is checked at consumption, and an expired code is consumed as well.
 */
public final class OneTimeCodes {
    /** Digits in a short code (SEC-11: at least 6). */
    public static final int SHORT_CODE_DIGITS = 6;
    /** An id no user has (generated ids are never all zero): the decoy's delete matches nothing. */
    private static final UserId NOBODY = new UserId(new java.util.UUID(0, 0));
    private final CodeStore codes;
    private final UnitOfWork unitOfWork;
    private final RateLimiter limiter;
    private final UserKitConfig config;
    private final Clock clock;

    /**
     * Codes in this store, written through {@code unitOfWork}, with the TTLs, attempt cap and key
     * ring of {@code config}; decoys count in {@code limiter}.
     *
     * @param codes the store holding the codes' hashes
     * @param unitOfWork the transaction boundary a code is replaced in
     * @param limiter the rate limiter decoy consumptions count in
     * @param config the source of the code TTLs, the short-code attempt cap and the key ring
     * @param clock the clock expiry is measured against
     */
    public OneTimeCodes(CodeStore codes, UnitOfWork unitOfWork, RateLimiter limiter, UserKitConfig config, Clock clock) {
        this.codes = codes;
        this.unitOfWork = unitOfWork;
        this.limiter = limiter;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Issues a link code bound to the user, purpose and target (may be null); voids the previous one.
     *
     * @param user the user's id
     * @param purpose what the code is for
     * @param target the address the code is bound to, or null
     * @return the code, to mail
     */
    public String issueLink(UserId user, CodePurpose purpose, String target) {
        String code = Secrets.newToken();
        store(user, purpose, target, Secrets.sha256(code));
        return code;
    }

    /**
     * Issues a short numeric code bound to the user, purpose and target; voids the previous one.
     *
     * @param user the user's id
     * @param purpose what the code is for
     * @param target the number the code is bound to
     * @return the code, to text
     */
    public String issueShort(UserId user, CodePurpose purpose, String target) {
        String code = Secrets.newDigits(SHORT_CODE_DIGITS);
        KeyRing ring = config.keyRing();
        store(user, purpose, target, shortHash(ring, ring.currentVersion(), user, purpose, code));
        return code;
    }

    /**
     * Consumes a link code of this purpose.
     *
     * @param code the code as presented
     * @param purpose the purpose it must have
     * @return the consumed code
     * @throws UserKitException CODE_INVALID (801) if unknown, used, voided or of another purpose;
     *         CODE_EXPIRED (800) if past its expiry (it is consumed all the same)
     */
    public CodeRecord consumeLink(String code, CodePurpose purpose) {
        if (code == null || code.isBlank()) throw invalid();
        return notExpired(codes.consume(Secrets.sha256(code.strip()), purpose).orElseThrow(OneTimeCodes::invalid));
    }

    /**
     * Consumes the user's short code of this purpose, trying every key version (SEC-26). A wrong
     * guess counts against the live code; the guess that reaches the configured cap voids it.
     *
     * @param user the user's id
     * @param purpose the purpose it must have
     * @param code the code as presented
     * @return the consumed code
     * @throws UserKitException CODE_INVALID (801) for a wrong or missing code, CODE_EXPIRED (800),
     *         CODE_ATTEMPTS_EXHAUSTED (1006) when this wrong guess used up the attempts
     */
    public CodeRecord consumeShort(UserId user, CodePurpose purpose, String code) {
        String typed = code == null ? "" : code.strip();
        if (typed.matches("[0-9]{" + SHORT_CODE_DIGITS + "}")) {
            KeyRing ring = config.keyRing();
            for (int version : ring.versions()) {
                Optional<CodeRecord> hit = codes.consume(shortHash(ring, version, user, purpose, typed), purpose);
                if (hit.isPresent()) return notExpired(hit.get());
            }
        }
        OptionalInt failures = codes.recordFailedAttempt(user, purpose);
        if (failures.isPresent() && failures.getAsInt() >= config.shortCodeMaxAttempts()) {
            codes.deleteFor(user, purpose);
            throw new UserKitException(ErrorCode.CODE_ATTEMPTS_EXHAUSTED);
        }
        throw invalid();
    }

    /**
     * Does the work of {@link #issueLink} without issuing a code (SEC-31): a request for an unknown
     * or disabled account computes and writes as much as a real one, so its timing does not tell
     * the two apart. The previous-code delete matches nobody; the row written is a counter under
     * the hash of a random value, gone with the attempt store's expiry purge.
     *
     * @param purpose the purpose a real code would have
     * @return a random value shaped like a link code, which works nowhere
     */
    public String issueDecoy(CodePurpose purpose) {
        String decoy = Secrets.newToken();
        unitOfWork.run(() -> {
            codes.deleteFor(NOBODY, purpose);
            limiter.hit("decoy", decoy, config.codeTtl(purpose));
            return null;
        });
        return decoy;
    }

    /**
     * Puts back a code consumed by a call that then failed on other input, so that rejection changes nothing.
     *
     * @param code the consumed code
     */
    public void restore(CodeRecord code) {
        codes.insert(code);
    }

    private void store(UserId user, CodePurpose purpose, String target, String hash) {
        Instant now = clock.instant();
        CodeRecord record = new CodeRecord(hash, user, purpose, target, now, now.plus(config.codeTtl(purpose)), 0);
        unitOfWork.run(() -> {
            codes.deleteFor(user, purpose);
            codes.insert(record);
            return null;
        });
    }

    private CodeRecord notExpired(CodeRecord c) {
        // expiry instant itself counts as expired: one second late is rejected (SEC-14)
        if (!clock.instant().isBefore(c.expiresAt())) throw new UserKitException(ErrorCode.CODE_EXPIRED);
        return c;
    }

    private static String shortHash(KeyRing ring, int version, UserId user, CodePurpose purpose, String code) {
        return Secrets.hmac(ring.key(version), user + "\u0000" + purpose + "\u0000" + code);
    }

    private static UserKitException invalid() {
        return new UserKitException(ErrorCode.CODE_INVALID);
    }
}
