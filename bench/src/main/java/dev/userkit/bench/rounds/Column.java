package dev.userkit.bench.rounds;

/**
 * One column of a comparison: a name for the tables and the call it measures.
 *
 * @param name what the column is, as the tables show it
 * @param operation the call, made over and over by every thread for one round's length
 */
record Column(String name, Operation operation) {}
