package dev.userkit;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argon2id parameters (SEC-04). {@link #of} refuses anything weaker than m=19456 KiB, t=2, p=1;
 * the only way below that is {@link #insecureForTestsOnly()}, which logs a warning every time.
 */
public final class PasswordHashing {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordHashing.class);
    /** OWASP's minimum for Argon2id, our default: m=19456 KiB, t=2, p=1. */
    public static final PasswordHashing PRODUCTION = of(19456, 2, 1);

    private final int memoryKiB;
    private final int iterations;
    private final int parallelism;

    private PasswordHashing(int memoryKiB, int iterations, int parallelism) {
        this.memoryKiB = memoryKiB;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /**
     * Parameters at or above the minimum; weaker ones throw {@link IllegalArgumentException}.
     *
     * @param memoryKiB Argon2id memory cost in KiB
     * @param iterations Argon2id time cost (passes)
     * @param parallelism Argon2id lanes
     * @return the parameters
     */
    public static PasswordHashing of(int memoryKiB, int iterations, int parallelism) {
        if (memoryKiB < 19456 || iterations < 2 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2id parameters below m=19456 KiB, t=2, p=1 are refused (SEC-04)");
        }
        return new PasswordHashing(memoryKiB, iterations, parallelism);
    }

    /**
     * Cheap parameters for unit tests. Never use in production: it logs a loud warning.
     *
     * @return cheap parameters
     */
    public static PasswordHashing insecureForTestsOnly() {
        LOG.warn("UserKit: INSECURE test-only password hashing parameters in use (m=1024 KiB, t=1). Never use this in production.");
        return new PasswordHashing(1024, 1, 1);
    }

    /**
     * Memory cost in KiB.
     *
     * @return the memory cost in KiB
     */
    public int memoryKiB() { return memoryKiB; }

    /**
     * Time cost (passes).
     *
     * @return the time cost
     */
    public int iterations() { return iterations; }

    /**
     * Lanes.
     *
     * @return the number of lanes
     */
    public int parallelism() { return parallelism; }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHashing p && p.memoryKiB == memoryKiB && p.iterations == iterations && p.parallelism == parallelism;
    }

    @Override
    public int hashCode() {
        return Objects.hash(memoryKiB, iterations, parallelism);
    }

    @Override
    public String toString() {
        return "Argon2id(m=" + memoryKiB + ", t=" + iterations + ", p=" + parallelism + ")";
    }
}
