package dev.userkit.spi;

import dev.userkit.domain.Device;
import java.util.Objects;

/**
 * A device as a store keeps it.
 *
 * @param device the device
 * @param tokenHash SHA-256 of the client's device token, base64url; unique per user
 */
public record DeviceRecord(Device device, String tokenHash) {
    /**
     * Checks required fields.
     *
     * @param device see {@link #device()}
     * @param tokenHash see {@link #tokenHash()}
     */
    public DeviceRecord {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(tokenHash, "tokenHash");
    }
}
