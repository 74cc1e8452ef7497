package dev.userkit.spi;

import java.util.function.Supplier;

/**
 * Runs the steps of one multi-step operation together. SQL stores bind one connection and
 * transaction to the calling thread for the duration, commit when {@code work} returns and roll
 * back when it throws. Stores without transactions (MongoDB, in-memory) simply run the steps:
 * the services order them so that a fault between any two leaves a safe state. A nested call
 * joins the outer one.
 */
public interface UnitOfWork {
    /**
     * Runs {@code work} as one unit and returns its result; exceptions propagate unchanged.
     *
     * @param <T> the type of the work's result
     * @param work the work to run
     * @return the work's result
     */
    <T> T run(Supplier<T> work);
}
