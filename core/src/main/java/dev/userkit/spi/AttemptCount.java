package dev.userkit.spi;

import java.time.Instant;

/**
 * A counter's value within its current window.
 *
 * @param count failures or sends counted in the window (at least 1)
 * @param windowEndsAt when the window ends and the counter starts again from zero
 */
public record AttemptCount(long count, Instant windowEndsAt) {}
