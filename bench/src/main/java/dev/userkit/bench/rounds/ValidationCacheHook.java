package dev.userkit.bench.rounds;

import dev.userkit.UserKitConfig;
import java.util.Optional;

/**
 * HOOK for goal 5 of issue 9, the opt-in validation cache, which lands on its own branch and is
 * configured through {@link UserKitConfig}. Until it is on main this column is skipped with
 * {@link #MISSING}. To wire it: turn the cache on in {@code builder} (with its default bounds) and
 * return the built config; the validation comparison then gets a column "Sessions.validate, cache
 * on", on a kit of its own over the same stores, in the same rounds as the others.
 */
final class ValidationCacheHook {
    static final String MISSING = "validation cache (goal 5): not on main yet, its column is skipped (wire it in ValidationCacheHook)";

    private ValidationCacheHook() {}

    /** The run's config with the validation cache on, or empty while UserKit has no such setting. */
    static Optional<UserKitConfig> cacheOn(UserKitConfig.Builder builder) {
        return Optional.empty();
    }
}
