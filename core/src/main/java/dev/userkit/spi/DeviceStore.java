package dev.userkit.spi;

import dev.userkit.domain.DeviceId;
import dev.userkit.domain.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Persists the devices users log in from (D1). Each method is atomic by itself. */
public interface DeviceStore {
    /**
     * Inserts a device; the same user and token hash twice throws {@link DuplicateKeyException}.
     * The user must exist; a SQL store may refuse an unknown user with {@link UnknownUserException}
     * (by foreign key), which the services meet only when the user is deleted concurrently.
     *
     * @param device the new device with its token hash
     */
    void insert(DeviceRecord device);

    /**
     * The user's device with this token hash, or empty.
     *
     * @param userId the user's id
     * @param tokenHash the hash of the device token
     * @return the device, or empty
     */
    Optional<DeviceRecord> find(UserId userId, String tokenHash);

    /**
     * The device with this id, or empty.
     *
     * @param id the device's id
     * @return the device, or empty
     */
    Optional<DeviceRecord> findById(DeviceId id);

    /**
     * Sets whether the device is permitted; false if it does not exist.
     *
     * @param id the device's id
     * @param permitted true to permit the device, false to restrict it
     * @return true if the device exists
     */
    boolean setPermitted(DeviceId id, boolean permitted);

    /**
     * Records a use of the device; false if it does not exist.
     *
     * @param id the device's id
     * @param lastUsedAt the instant of the use
     * @return true if the device exists
     */
    boolean touch(DeviceId id, Instant lastUsedAt);

    /**
     * Devices of one user (or of everyone if {@code userId} is null), optionally only permitted ones, in id order.
     *
     * @param userId the user's id, or null for every user
     * @param permittedOnly true to leave restricted devices out
     * @return the devices, in id order
     */
    List<DeviceRecord> list(UserId userId, boolean permittedOnly);

    /**
     * Deletes every device of the user (A10); returns how many.
     *
     * @param userId the user's id
     * @return how many devices were deleted
     */
    int deleteAllFor(UserId userId);
}
