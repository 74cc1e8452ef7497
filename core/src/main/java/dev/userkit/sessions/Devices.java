package dev.userkit.sessions;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.domain.Device;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.internal.IdGenerator;
import dev.userkit.internal.SessionBatches;
import dev.userkit.internal.Secrets;
import dev.userkit.internal.UserKitContext;
import dev.userkit.spi.DeviceRecord;
import dev.userkit.spi.DuplicateKeyException;
import dev.userkit.spi.SessionFilter;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Device allow-lists (D1, SEC-21). When {@link dev.userkit.UserKitConfig#deviceControl()} is on,
 * every login carries a client-held device token; a device a user has not logged in from before
 * is recorded as not permitted and refused until an administrator permits it. Tokens are kept
 * only as SHA-256. Every method here answers {@link ErrorCode#DEVICE_CONTROL_UNSUPPORTED} (807)
 * when device control is off.
 */
public final class Devices {
    /** At least 22 base64url characters: 132 bits, above the 128 D1 asks for. Longer input is refused before hashing. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,512}");
    private final UserKitContext ctx;

    /**
     * Built by {@link dev.userkit.UserKit} or Guice.
     *
     * @param ctx the stores, configuration, clock and hooks shared by the services
     */
    @Inject
    public Devices(UserKitContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Whether device control is on.
     *
     * @return true if {@link dev.userkit.UserKitConfig#deviceControl()} is set
     */
    public boolean enabled() {
        return ctx.config().deviceControl();
    }

    /**
     * The user's devices in id order. Raises 807 when device control is off, 1010 for a null user.
     *
     * @param user the user's id
     * @return the user's devices
     */
    public List<Device> list(UserId user) {
        requireEnabled();
        return devices(required(user, "User id"), false);
    }

    /**
     * The user's permitted devices in id order. Raises 807 when device control is off, 1010 for a null user.
     *
     * @param user the user's id
     * @return the user's permitted devices
     */
    public List<Device> listPermitted(UserId user) {
        requireEnabled();
        return devices(required(user, "User id"), true);
    }

    /**
     * Every user's devices in id order. Raises 807 when device control is off.
     *
     * @return every device
     */
    public List<Device> listAll() {
        requireEnabled();
        return devices(null, false);
    }

    /**
     * The device with this id. Raises 807 when device control is off, 1012 when there is no such device, 1010 for a null id.
     *
     * @param id the device's id
     * @return the device
     */
    public Device get(DeviceId id) {
        requireEnabled();
        return ctx.stores().devices().findById(required(id, "Device id")).map(DeviceRecord::device)
                .orElseThrow(() -> new UserKitException(ErrorCode.DEVICE_NOT_FOUND));
    }

    /**
     * Allows logins from the device. Raises 807 when device control is off, 1012 when there is no such device.
     *
     * @param id the device's id
     */
    public void permit(DeviceId id) {
        setPermitted(id, true);
    }

    /**
     * Refuses further logins from the device and ends every session started from it (SEC-21).
     * Raises 807 when device control is off, 1012 when there is no such device.
     *
     * @param id the device's id
     */
    public void restrict(DeviceId id) {
        setPermitted(id, false);
        SessionBatches.deleteAll(ctx, new SessionFilter(null, null, null, id));
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
        if (!enabled()) throw new UserKitException(ErrorCode.DEVICE_CONTROL_UNSUPPORTED);
    }

    /** Refuses a missing or short device token (805) before any other work of a login. */
    void checkToken(ClientContext client) {
        String token = client.deviceToken();
        if (token == null || !TOKEN.matcher(token).matches()) throw new UserKitException(ErrorCode.INVALID_DEVICE_TOKEN);
    }

    /**
     * After a correct password: the permitted device the user logs in from, touched; an unknown
     * device is recorded as not permitted, and it or any other not permitted one is refused (806).
     */
    DeviceId admit(User user, ClientContext client) {
        String hash = Secrets.sha256(client.deviceToken());
        Instant now = ctx.clock().instant().truncatedTo(ChronoUnit.MILLIS);
        Optional<DeviceRecord> known = ctx.stores().devices().find(user.id(), hash);
        if (known.isEmpty()) {
            record(user, client, hash, now);
            throw new UserKitException(ErrorCode.DEVICE_DENIED);
        }
        Device d = known.get().device();
        ctx.stores().devices().touch(d.id(), now);
        if (!d.permitted()) throw new UserKitException(ErrorCode.DEVICE_DENIED);
        return d.id();
    }

    /**
     * Whether the device is still permitted, read after its session was stored: {@link #restrict}
     * writes the refusal before it deletes the device's sessions, so a login that passed
     * {@link #admit} just before a restriction either has its session deleted by it or sees the
     * refusal here (SEC-21, the device twin of SEC-27).
     */
    boolean stillPermitted(DeviceId id) {
        return ctx.stores().devices().findById(id).map(r -> r.device().permitted()).orElse(false);
    }

    private void record(User user, ClientContext client, String hash, Instant now) {
        // ClientContext bounds the user agent (SEC-29), so any store column holds it as given
        Device d = new Device(IdGenerator.deviceId(), user.id(), false, client.userAgent(), now, now);
        try {
            ctx.stores().devices().insert(new DeviceRecord(d, hash));
            ctx.events().emit(UserKitEvent.Type.DEVICE_CHANGED, user.id(), client,
                    Map.of("device", d.id().toString(), "permitted", "false"));
        } catch (DuplicateKeyException raced) {
            // A concurrent login from the same new device recorded it first; it is refused all the same.
        }
    }
}
