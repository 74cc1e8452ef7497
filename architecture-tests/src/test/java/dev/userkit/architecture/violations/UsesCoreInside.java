package dev.userkit.architecture.violations;

import dev.userkit.throttling.RateLimiter;

/** Deliberately breaks {@code NON_API_STAYS_IN_CORE}: code outside core holding a core-only type. */
public class UsesCoreInside {
    RateLimiter limiter;
}
