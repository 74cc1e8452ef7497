package dev.userkit.bench.rounds;

/** A column, a set-up step or a check failed: the run reports it and exits non-zero. */
final class BenchFailure extends Exception {
    private static final long serialVersionUID = 1L;

    BenchFailure(String message, Throwable cause) {
        super(message, cause);
    }

    BenchFailure(String message) {
        super(message);
    }
}
