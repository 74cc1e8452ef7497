package dev.userkit.throttling;

import dev.userkit.ClientContext;
import dev.userkit.UserKitConfig;

/**
 * Send-rate limits for codes and reminders (SEC-25): per destination (email key or phone) and
 * per client address, in the configured window. Every request counts whether or not an account
 * exists, so the counters reveal nothing; callers that must not reveal the limit simply skip the
 * send and answer as usual.
 */
public final class SendLimits {
    private final RateLimiter limiter;
    private final UserKitConfig config;

    /**
     * Limits counted by this limiter, with the limit and window of this configuration.
     *
     * @param limiter the rate limiter holding the send counters
     * @param config the source of the send limit and window
     */
    public SendLimits(RateLimiter limiter, UserKitConfig config) {
        this.limiter = limiter;
        this.config = config;
    }

    /**
     * Counts one send of {@code channel} (e.g. "reset-mail") to {@code destination} for this client,
     * and answers whether both counters are still within the limit.
     *
     * @param channel what is sent
     * @param destination the address or number it goes to
     * @param client the caller, or null
     * @return true if the send may go ahead
     */
    public boolean allow(String channel, String destination, ClientContext client) {
        int limit = config.sendLimit();
        boolean destinationOk = limiter.tryAcquire("send-to:" + channel, destination, limit, config.sendWindow());
        boolean clientOk = client == null || client.address() == null
                || limiter.tryAcquire("send-from:" + channel, client.address(), limit, config.sendWindow());
        return destinationOk && clientOk;
    }
}
