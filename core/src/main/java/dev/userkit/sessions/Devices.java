package dev.userkit.sessions;

import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.assembly.UserKitContext;
import dev.userkit.delivery.MessageQueue;
import dev.userkit.domain.Device;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.UserId;
import java.util.List;

/**
 * Device allow-lists (D1, SEC-21). When {@link dev.userkit.UserKitConfig#deviceControl()} is on,
 * every login carries a client-held device token; a device a user has not logged in from before
 * is recorded as not permitted and refused until an administrator permits it. Tokens are kept
 * only as SHA-256. Every method here answers {@link ErrorCode#DEVICE_CONTROL_UNSUPPORTED} (807)
 * when device control is off.
 */
public final class Devices {
    private final DeviceAdmission admission;
    private final DeviceAdmin admin;
    private final DeviceTokenAdmin byToken;

    /** Built by {@link SessionsFactory}, for {@link dev.userkit.UserKit} or Guice. */
    Devices(UserKitContext ctx, MessageQueue messages) {
        this.admission = new DeviceAdmission(ctx, messages);
        this.admin = new DeviceAdmin(ctx);
        this.byToken = new DeviceTokenAdmin(ctx, admin);
    }

    /**
     * Whether device control is on.
     *
     * @return true if {@link dev.userkit.UserKitConfig#deviceControl()} is set
     */
    public boolean enabled() {
        return admission.enabled();
    }

    /**
     * Checks that a request on a validated session comes from the device that session was admitted
     * from (D1, SEC-21): under device control a session token used without its device's token, with
     * another device's, or after the device was restricted is refused with 806 DEVICE_DENIED, so a
     * stolen session token is no use on another device. Passes when device control is off or the
     * session was issued without a device.
     *
     * @param validation the request's session, as {@link Sessions#validate} answered it
     * @param deviceToken the device token the request presented, or null
     * @throws dev.userkit.UserKitException 806 DEVICE_DENIED when the device does not match
     */
    public void checkRequestDevice(Validation validation, String deviceToken) {
        if (!admission.enabled() || validation == null) return;
        if (!admission.presentedBy(validation.session(), deviceToken)) throw new UserKitException(ErrorCode.DEVICE_DENIED);
    }

    /**
     * The user's devices in id order. Raises 807 when device control is off, 1010 for a null user.
     *
     * @param user the user's id
     * @return the user's devices
     */
    public List<Device> list(UserId user) {
        return admin.list(user);
    }

    /**
     * The user's permitted devices in id order. Raises 807 when device control is off, 1010 for a null user.
     *
     * @param user the user's id
     * @return the user's permitted devices
     */
    public List<Device> listPermitted(UserId user) {
        return admin.listPermitted(user);
    }

    /**
     * Every user's devices in id order. Raises 807 when device control is off.
     *
     * @return every device
     */
    public List<Device> listAll() {
        return admin.listAll();
    }

    /**
     * The device with this id. Raises 807 when device control is off, 1012 when there is no such device, 1010 for a null id.
     *
     * @param id the device's id
     * @return the device
     */
    public Device get(DeviceId id) {
        return admin.get(id);
    }

    /**
     * Allows logins from the device. Raises 807 when device control is off, 1012 when there is no such device.
     *
     * @param id the device's id
     */
    public void permit(DeviceId id) {
        admin.permit(id);
    }

    /**
     * Refuses further logins from the device and ends every session started from it (SEC-21).
     * Raises 807 when device control is off, 1012 when there is no such device.
     *
     * @param id the device's id
     */
    public void restrict(DeviceId id) {
        admin.restrict(id);
    }

    /**
     * Permits the user's device that holds this token (D2), hashed as a login hashes it; a token
     * the user has not logged in with yet is recorded as a permitted device, so an administrator
     * can approve a device before its first login (umpack's {@code devices/access}, and the root's
     * device at bootstrap, R6). Raises 807 when device control is off, 805 for a token a login would
     * refuse, 605 for an unknown user, 1010 for a null user.
     *
     * @param user the device's owner
     * @param deviceToken the client-held device token
     * @return the permitted device
     */
    public Device permitToken(UserId user, String deviceToken) {
        return byToken.permit(user, deviceToken);
    }

    /**
     * Restricts the user's device that holds this token (D2) as {@link #restrict} does: further
     * logins from it are refused and its sessions end. Raises 807 when device control is off, 805 for
     * a malformed token, 605 for an unknown user, 1012 when the user has no device with that token,
     * 1010 for a null user.
     *
     * @param user the device's owner
     * @param deviceToken the client-held device token
     * @return the restricted device
     */
    public Device restrictToken(UserId user, String deviceToken) {
        return byToken.restrict(user, deviceToken);
    }

    /**
     * Refuses a device token a login would refuse, before a caller writes anything that needs it.
     *
     * @param deviceToken the client-held device token, or null
     * @throws UserKitException INVALID_DEVICE_TOKEN (805) for a missing token or one of fewer than 128 bits
     */
    public static void checkToken(String deviceToken) {
        DeviceTokens.hashOf(deviceToken);
    }

    /** What a login checks of its device; for {@link Sessions}. */
    DeviceAdmission admission() {
        return admission;
    }
}
