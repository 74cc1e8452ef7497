package dev.userkit.demo;

/** Placeholder replaced at integration. */
public final class Tour {
    private Tour() {}
}
