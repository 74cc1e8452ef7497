package dev.userkit.bench.rounds;

/**
 * Latencies in nanoseconds, counted in buckets of at most 1/64 (1.6 %) of their value, so that a
 * thread records millions of calls in constant memory and constant time. One per thread; merged after a run.
 */
final class LatencyHistogram {
    // below 128 ns every value has its own bucket; above, each power of two is cut into 64 buckets
    private static final int EXACT = 128;
    private static final int SUB = 64;
    private final long[] counts = new long[EXACT + 64 * SUB];
    private long total;

    void record(long nanos) {
        counts[index(Math.max(0, nanos))]++;
        total++;
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) counts[i] += other.counts[i];
        total += other.total;
    }

    long count() {
        return total;
    }

    /** The latency below which a fraction {@code q} of the calls fell, in nanoseconds (the bucket's middle). */
    long percentile(double q) {
        if (total == 0) return 0;
        long rank = Math.max(1, (long) Math.ceil(q * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) return middle(i);
        }
        return middle(counts.length - 1);
    }

    static int index(long v) {
        if (v < EXACT) return (int) v;
        int shift = 63 - Long.numberOfLeadingZeros(v) - 6;
        return EXACT + (shift - 1) * SUB + (int) ((v >>> shift) - SUB);
    }

    static long middle(int index) {
        if (index < EXACT) return index;
        int shift = (index - EXACT) / SUB + 1;
        long mantissa = (index - EXACT) % SUB + SUB;
        return (mantissa << shift) + (1L << (shift - 1));
    }
}
