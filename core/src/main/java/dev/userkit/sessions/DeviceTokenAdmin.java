package dev.userkit.sessions;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.Device;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.UserId;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.spi.DeviceRecord;
import dev.userkit.spi.DuplicateKeyException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Permitting and restricting a user's device by the device's own token (D2, umpack's
 * {@code devices/access} and {@code devices/restriction}): the token is hashed as a login hashes it
 * and the device found by (user, hash); the rest is {@link DeviceAdmin}'s work by id.
 */
final class DeviceTokenAdmin {
    private final UserKitContext ctx;
    private final DeviceAdmin admin;

    DeviceTokenAdmin(UserKitContext ctx, DeviceAdmin admin) {
        this.ctx = ctx;
        this.admin = admin;
    }

    /** See {@link Devices#permitToken}. */
    Device permit(UserId user, String token) {
        String hash = checked(user, token);
        Optional<DeviceRecord> known = ctx.stores().devices().find(user, hash);
        if (known.isPresent()) {
            admin.permit(known.get().device().id());
            return admin.get(known.get().device().id());
        }
        Instant now = ctx.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        Device d = new Device(IdGenerator.deviceId(), user, true, null, now, now);
        try {
            ctx.stores().devices().insert(new DeviceRecord(d, hash));
        } catch (DuplicateKeyException raced) {
            // a login from that device recorded it a moment ago (not permitted): permit that record
            DeviceRecord first = ctx.stores().devices().find(user, hash).orElseThrow(() -> raced);
            admin.permit(first.device().id());
            return admin.get(first.device().id());
        }
        ctx.events().emit(UserKitEvent.Type.DEVICE_CHANGED, user, null, Map.of("device", d.id().toString(), "permitted", "true"));
        return d;
    }

    /** See {@link Devices#restrictToken}. */
    Device restrict(UserId user, String token) {
        String hash = checked(user, token);
        DeviceRecord known = ctx.stores().devices().find(user, hash)
                .orElseThrow(() -> new UserKitException(ErrorCode.DEVICE_NOT_FOUND));
        admin.restrict(known.device().id());
        return admin.get(known.device().id());
    }

    /** 807 when device control is off, 1010 for a null user, 805 for a malformed token, 605 for an unknown user. */
    private String checked(UserId user, String token) {
        if (!ctx.config().deviceControl()) throw new UserKitException(ErrorCode.DEVICE_CONTROL_UNSUPPORTED);
        if (user == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, "User id is required");
        String hash = DeviceTokens.hashOf(token);
        if (ctx.stores().users().findById(user).isEmpty()) throw new UserKitException(ErrorCode.USER_NOT_FOUND);
        return hash;
    }
}
