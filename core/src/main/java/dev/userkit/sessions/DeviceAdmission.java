package dev.userkit.sessions;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.delivery.MessageQueue;
import dev.userkit.spi.MessageKind;
import dev.userkit.domain.Device;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.IdGenerator;
import dev.userkit.domain.Session;
import dev.userkit.domain.User;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.spi.DeviceRecord;
import dev.userkit.spi.DuplicateKeyException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * The login's side of the device allow-lists (D1, SEC-21): the device token is checked first, the
 * device admitted after a correct password (an unknown one recorded as not permitted, and its
 * owner told by a new-device notice: someone who knows the password is waiting for approval), and
 * its permission read again once the session is stored.
 */
final class DeviceAdmission {
    private final UserKitContext ctx;
    private final MessageQueue messages;

    DeviceAdmission(UserKitContext ctx, MessageQueue messages) {
        this.ctx = ctx;
        this.messages = messages;
    }

    /** Whether device control is on: without it a login brings no device token. */
    boolean enabled() {
        return ctx.config().deviceControl();
    }

    /** Refuses a missing or short device token (805) before any other work of a login. */
    void checkToken(ClientContext client) {
        DeviceTokens.hashOf(client.deviceToken());
    }

    /**
     * After a correct password: the permitted device the user logs in from, touched; an unknown
     * device is recorded as not permitted, and it or any other not permitted one is refused (806).
     */
    DeviceId admit(User user, ClientContext client) {
        String hash = DeviceTokens.hashOf(client.deviceToken());
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
     * Whether the device is still permitted, read after its session was stored: {@link DeviceAdmin#restrict}
     * writes the refusal before it deletes the device's sessions, so a login that passed
     * {@link #admit} just before a restriction either has its session deleted by it or sees the
     * refusal here (SEC-21, the device twin of SEC-27).
     */
    boolean stillPermitted(DeviceId id) {
        return ctx.stores().devices().findById(id).map(r -> r.device().permitted()).orElse(false);
    }

    /**
     * Whether a request presenting {@code token} comes from the permitted device its session was
     * admitted from: a session without a device (device control was off at its login) passes.
     */
    boolean presentedBy(Session session, String token) {
        if (session.deviceId() == null) return true;
        if (!DeviceTokens.wellFormed(token)) return false;
        return ctx.stores().devices().find(session.userId(), DeviceTokens.hashOf(token))
                .map(r -> r.device().id().equals(session.deviceId()) && r.device().permitted()).orElse(false);
    }

    private void record(User user, ClientContext client, String hash, Instant now) {
        // ClientContext bounds the user agent (SEC-29), so any store column holds it as given
        Device d = new Device(IdGenerator.deviceId(), user.id(), false, client.userAgent(), now, now);
        try {
            ctx.stores().devices().insert(new DeviceRecord(d, hash));
            ctx.events().emit(UserKitEvent.Type.DEVICE_CHANGED, user.id(), client,
                    Map.of("device", d.id().toString(), "permitted", "false"));
            messages.notice(MessageKind.NEW_DEVICE_NOTICE, user, user.email().value(), client);
        } catch (DuplicateKeyException raced) {
            // A concurrent login from the same new device recorded it first; it is refused all the same.
        }
    }
}
