package dev.userkit.http;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.UserKitException;
import dev.userkit.domain.Device;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.sessions.Devices;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * umpack's device routes (D1, D2) under {@code /users/{userName}/devices}: the user's devices and
 * permitted devices as {@code [{deviceToken, canAccess, lastUsageDate}]}, and
 * {@code POST .../access} and {@code .../restriction} with {@code {deviceToken}}.
 *
 * <p>The store keeps only a device token's SHA-256, so a listing cannot show the token itself: its
 * {@code deviceToken} is the device's id, a handle that is no secret and lets no one log in.
 * {@code access} and {@code restriction} take either: the id of one of the user's devices as a
 * listing shows it, or the client-held device token itself (D2: hashed as a login hashes it; a token
 * the user never logged in with is recorded as permitted by {@code access}). 807 without device
 * control, 805 for a malformed token, 404 with 605 for an unknown user, 404 with 1012 to restrict a
 * device the user does not have.
 */
final class DeviceApiRoutes {
    private final UserKit kit;

    DeviceApiRoutes(UserKit kit) {
        this.kit = kit;
    }

    void register(RouteTable table) {
        Devices devices = kit.devices();
        table.add("GET", "/users/{userName}/devices", call -> call.ok(listing(devices.list(owner(call).id()))));
        table.add("GET", "/users/{userName}/devices/permitted", call -> call.ok(listing(devices.listPermitted(owner(call).id()))));
        table.add("POST", "/users/{userName}/devices/access", call -> change(call, devices::permit, devices::permitToken));
        table.add("POST", "/users/{userName}/devices/restriction", call -> change(call, devices::restrict, devices::restrictToken));
    }

    /** Applies a change to the device the body's {@code deviceToken} names: by id when it is one of the user's, else by token. */
    private void change(ApiCall call, Consumer<DeviceId> byId, BiConsumer<UserId, String> byToken) throws IOException, JsonBodies.TooLarge {
        User user = owner(call);
        String handle = call.requiredText("deviceToken");
        Optional<Device> own = ownDevice(user, handle);
        if (own.isPresent()) byId.accept(own.get().id());
        else byToken.accept(user.id(), handle);
        call.success(null);
    }

    /** The user named in the path: 605 when there is none (also for a malformed name). */
    private User owner(ApiCall call) {
        if (!kit.devices().enabled()) throw new UserKitException(ErrorCode.DEVICE_CONTROL_UNSUPPORTED);
        return kit.accounts().findByUsername(call.param("userName")).orElseThrow(() -> new UserKitException(ErrorCode.USER_NOT_FOUND));
    }

    /** The user's device whose id is this handle, if the handle is a listing's id; another user's device never matches. */
    private Optional<Device> ownDevice(User user, String handle) {
        UUID id;
        try {
            id = UUID.fromString(handle);
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
        // only the canonical text form is an id, so a token that merely parses as one stays a token
        if (!id.toString().equals(handle)) return Optional.empty();
        try {
            Device d = kit.devices().get(new DeviceId(id));
            return d.userId().equals(user.id()) ? Optional.of(d) : Optional.empty();
        } catch (UserKitException e) {
            if (e.code() == ErrorCode.DEVICE_NOT_FOUND) return Optional.empty();
            throw e;
        }
    }

    private static List<Map<String, Object>> listing(List<Device> devices) {
        return devices.stream().map(d -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("deviceToken", d.id().toString());
            out.put("canAccess", d.permitted());
            out.put("lastUsageDate", d.lastUsedAt().toString());
            return out;
        }).toList();
    }
}
