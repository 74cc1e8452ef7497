package dev.userkit.bench.rounds;

/** One call of what a column measures. Anything it throws fails the run: a benchmark of failing calls measures nothing. */
@FunctionalInterface
interface Operation {
    void call() throws Exception;
}
