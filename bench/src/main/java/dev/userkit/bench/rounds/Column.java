package dev.userkit.bench.rounds;

import java.util.function.LongSupplier;

/**
 * One column of a comparison: a name for the tables and the call it measures.
 *
 * @param name what the column is, as the tables show it
 * @param operation the call, made over and over by every thread for one round's length
 * @param prepare run once before each of the column's rounds, untimed (null: nothing); e.g. warming a cache
 * @param storeReads a running count of the reads that reached the store (null: not counted); a round reports its increase
 */
record Column(String name, Operation operation, Operation prepare, LongSupplier storeReads) {
    /** A column with nothing to prepare and no store reads counted. */
    Column(String name, Operation operation) {
        this(name, operation, null, null);
    }
}
