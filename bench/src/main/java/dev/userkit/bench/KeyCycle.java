package dev.userkit.bench;

/**
 * Hands out a fixed set of keys round-robin, so a benchmark and its baseline look up the same
 * keys in the same order and pay the same for choosing them. One per benchmark state, one thread.
 */
final class KeyCycle {
    private final String[] keys;
    private int next;

    KeyCycle(String[] keys) {
        this.keys = keys.clone();
    }

    String next() {
        int i = next;
        next = i + 1 == keys.length ? 0 : i + 1;
        return keys[i];
    }
}
