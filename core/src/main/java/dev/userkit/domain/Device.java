package dev.userkit.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A device a user has logged in from (D1). The device's secret token is never part of it.
 *
 * @param id the device record's id
 * @param userId whose device it is
 * @param permitted whether logins from it are allowed
 * @param userAgent the user agent seen at first use, or null
 * @param createdAt first seen
 * @param lastUsedAt last login attempt from it
 */
public record Device(DeviceId id, UserId userId, boolean permitted, String userAgent,
                     Instant createdAt, Instant lastUsedAt) {
    /**
     * Checks required fields.
     *
     * @param id see {@link #id()}
     * @param userId see {@link #userId()}
     * @param permitted see {@link #permitted()}
     * @param userAgent see {@link #userAgent()}
     * @param createdAt see {@link #createdAt()}
     * @param lastUsedAt see {@link #lastUsedAt()}
     */
    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }
}
