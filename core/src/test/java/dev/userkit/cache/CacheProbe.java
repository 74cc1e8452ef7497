package dev.userkit.cache;

import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.memory.InMemoryStores;
import java.util.Map;

/** Builds a kit and validates a session, run by {@link WithoutCaffeineTest} in a class loader that has no Caffeine. */
public final class CacheProbe {
    private CacheProbe() {}

    /**
     * Starts an anonymous session and validates it twice.
     *
     * @param cacheOn whether the kit has the validation cache
     * @return the id of the validated session
     */
    public static String validateOnce(boolean cacheOn) {
        UserKit kit = UserKit.builder().stores(InMemoryStores.create())
                .config(UserKitConfig.builder().validationCache(cacheOn).build()).build();
        String token = kit.sessions().startAnonymous(Map.of()).token();
        kit.sessions().validate(token);
        return kit.sessions().validate(token).session().id().toString();
    }
}
