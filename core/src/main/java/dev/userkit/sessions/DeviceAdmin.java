package dev.userkit.sessions;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.domain.Device;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.UserId;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.spi.DeviceRecord;
import dev.userkit.spi.SessionFilter;
import dev.userkit.users.SessionBatches;
import java.util.List;
import java.util.Map;

/** The administrator's side of the device allow-lists (D1): listing devices, permitting and restricting them. */
final class DeviceAdmin {
    private final UserKitContext ctx;

    DeviceAdmin(UserKitContext ctx) {
        this.ctx = ctx;
    }

    /** See {@link Devices#list}. */
    List<Device> list(UserId user) {
        requireEnabled();
        return devices(required(user, "User id"), false);
    }

    /** See {@link Devices#listPermitted}. */
    List<Device> listPermitted(UserId user) {
        requireEnabled();
        return devices(required(user, "User id"), true);
    }

    /** See {@link Devices#listAll}. */
    List<Device> listAll() {
        requireEnabled();
        return devices(null, false);
    }

    /** See {@link Devices#get}. */
    Device get(DeviceId id) {
        requireEnabled();
        return ctx.stores().devices().findById(required(id, "Device id")).map(DeviceRecord::device)
                .orElseThrow(() -> new UserKitException(ErrorCode.DEVICE_NOT_FOUND));
    }

    /** See {@link Devices#permit}. */
    void permit(DeviceId id) {
        setPermitted(id, true);
    }

    /** See {@link Devices#restrict}. */
    void restrict(DeviceId id) {
        setPermitted(id, false);
        SessionBatches.deleteAll(ctx.stores().sessions(), new SessionFilter(null, null, null, id));
    }

    private void setPermitted(DeviceId id, boolean permitted) {
        Device d = get(id);
        if (!ctx.stores().devices().setPermitted(id, permitted)) throw new UserKitException(ErrorCode.DEVICE_NOT_FOUND);
        ctx.events().emit(UserKitEvent.Type.DEVICE_CHANGED, d.userId(), null,
                Map.of("device", id.toString(), "permitted", Boolean.toString(permitted)));
    }

    private List<Device> devices(UserId user, boolean permittedOnly) {
        return ctx.stores().devices().list(user, permittedOnly).stream().map(DeviceRecord::device).toList();
    }

    private static <T> T required(T value, String what) {
        if (value == null) throw new UserKitException(ErrorCode.INVALID_ARGUMENT, what + " is required");
        return value;
    }

    private void requireEnabled() {
        if (!ctx.config().deviceControl()) throw new UserKitException(ErrorCode.DEVICE_CONTROL_UNSUPPORTED);
    }
}
