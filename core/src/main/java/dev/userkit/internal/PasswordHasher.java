package dev.userkit.internal;

import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.HashingFunction;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.userkit.ErrorCode;
import dev.userkit.PasswordHashing;
import dev.userkit.StoreException;
import dev.userkit.UserKitException;
import java.text.Normalizer;
import java.util.concurrent.Semaphore;

/**
 * Hashes and verifies passwords with Password4j (SEC-02, SEC-04, SEC-05, REL-6). Passwords are
 * NFKC-normalised on both paths. Verification builds the function from the stored hash itself
 * (Password4j's {@code check(...).withArgon2()} would use its property-file defaults). At most
 * {@code maxConcurrent} hashes run at once, so a login storm cannot exhaust memory.
 */
public final class PasswordHasher {
    private final Argon2Function current;
    private final PasswordHashing params;
    private final Semaphore permits;
    private final String dummyHash;

    /** A hasher for the given parameters. */
    public PasswordHasher(PasswordHashing params, int maxConcurrent) {
        this.params = params;
        this.current = Argon2Function.getInstance(params.memoryKiB(), params.iterations(), params.parallelism(), 32, Argon2.ID, 19);
        this.permits = new Semaphore(maxConcurrent, true);
        this.dummyHash = hash("userkit timing parity dummy password");
    }

    /** The outcome of a verification. */
    public record Verification(boolean matches, boolean needsRehash) {}

    /** Hashes a password with the current parameters. */
    public String hash(String password) {
        return bounded(() -> Password.hash(normalise(password)).addRandomSalt(16).with(current).getResult());
    }

    /**
     * Verifies a password against a stored hash in any supported format; a hash in an unknown
     * format never matches. {@code needsRehash} is true when the hash is not Argon2id with the
     * current parameters.
     */
    public Verification verify(String password, String storedHash) {
        HashingFunction f = functionFor(storedHash);
        if (f == null) return new Verification(false, false);
        boolean ok = bounded(() -> f.check(normalise(password), storedHash));
        return new Verification(ok, ok && !isCurrent(f));
    }

    /** Spends one verification on a fixed dummy hash, so an unknown user costs what a known one does (SEC-08). */
    public void verifyDummy(String password) {
        bounded(() -> current.check(normalise(password), dummyHash));
    }

    /** Whether this encoded hash is in a format this hasher can verify (A17). */
    public boolean supports(String storedHash) {
        return functionFor(storedHash) != null;
    }

    private boolean isCurrent(HashingFunction f) {
        return f instanceof Argon2Function a && a.getVariant() == Argon2.ID && a.getMemory() == params.memoryKiB()
                && a.getIterations() == params.iterations() && a.getParallelism() == params.parallelism();
    }

    private static HashingFunction functionFor(String hash) {
        if (hash == null) return null;
        try {
            if (hash.startsWith("$argon2")) return Argon2Function.getInstanceFromHash(hash);
            if (hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$")) return BcryptFunction.getInstanceFromHash(hash);
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String normalise(String password) {
        if (password == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "Password is required");
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    private <T> T bounded(java.util.function.Supplier<T> work) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting to hash a password", e);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

}
