package dev.userkit.internal;

import com.password4j.Argon2Function;
import com.password4j.BcryptFunction;
import com.password4j.CompressedPBKDF2Function;
import com.password4j.HashingFunction;
import com.password4j.Password;
import com.password4j.ScryptFunction;
import com.password4j.types.Argon2;
import dev.userkit.ErrorCode;
import dev.userkit.PasswordHashing;
import dev.userkit.StoreException;
import dev.userkit.UserKitException;
import java.text.Normalizer;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;

/**
 * Hashes and verifies passwords with Password4j (SEC-02, SEC-04, SEC-05, REL-6). Passwords are
 * NFKC-normalised on both paths. Verification builds the function from the stored hash itself
 * (Password4j's {@code check(...).withArgon2()} would use its property-file defaults). At most
 * {@code maxConcurrent} hashes run at once, so a login storm cannot exhaust memory.
 */
public final class PasswordHasher {
    // Password4j's compressed PBKDF2 form: $<hmac code>$<packed iterations and length>$<salt>$<hash>
    private static final Pattern PBKDF2 = Pattern.compile("\\$[1-9]\\$[0-9]+\\$[^$]+\\$[^$]+");
    // scrypt: $<hex log2(N) r p>$<salt>$<hash>, optionally behind the "$s0" marker of the lambdaworks/WildFly form
    private static final Pattern SCRYPT = Pattern.compile("(\\$s0)?\\$[0-9a-f]{5,}\\$[^$]+\\$[^$]+");
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
        Parsed p = parse(storedHash);
        if (p == null) return new Verification(false, false);
        String normalised = normalise(password);
        boolean ok = bounded(() -> p.function().check(normalised, p.hash()));
        return new Verification(ok, ok && !isCurrent(p.function()));
    }

    /** Spends one verification on a fixed dummy hash, so an unknown user costs what a known one does (SEC-08). */
    public void verifyDummy(String password) {
        bounded(() -> current.check(normalise(password), dummyHash));
    }

    /** Whether this encoded hash is in a format this hasher can verify (A17). */
    public boolean supports(String storedHash) {
        return parse(storedHash) != null;
    }

    private boolean isCurrent(HashingFunction f) {
        return f instanceof Argon2Function a && a.getVariant() == Argon2.ID && a.getMemory() == params.memoryKiB()
                && a.getIterations() == params.iterations() && a.getParallelism() == params.parallelism();
    }

    /** A stored hash with the function that checks it, and the form that function expects. */
    private record Parsed(HashingFunction function, String hash) {}

    /**
     * The function for a stored hash (A17): Argon2 (PHC), bcrypt ($2a/$2b/$2y), Password4j's
     * compressed PBKDF2 and scrypt ($e0801$... or $s0$e0801$...). Anything else is null.
     */
    private static Parsed parse(String hash) {
        if (hash == null) return null;
        try {
            if (hash.startsWith("$argon2")) return new Parsed(Argon2Function.getInstanceFromHash(hash), hash);
            if (hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$")) {
                return new Parsed(BcryptFunction.getInstanceFromHash(hash), hash);
            }
            if (PBKDF2.matcher(hash).matches()) return new Parsed(CompressedPBKDF2Function.getInstanceFromHash(hash), hash);
            if (SCRYPT.matcher(hash).matches()) {
                String bare = hash.startsWith("$s0$") ? hash.substring(3) : hash;
                return new Parsed(ScryptFunction.getInstanceFromHash(bare), bare);
            }
        } catch (RuntimeException e) {
            // a hash that looks like a known format but does not parse is unsupported, not a crash
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
