package dev.userkit.domain;

import java.util.UUID;

/** Ordering of UUID-based ids as unsigned 128-bit numbers, so time-ordered v7 ids sort by creation. */
final class Ids {
    private Ids() {}

    static int compare(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
