package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.crypto.Secrets;
import dev.userkit.domain.Device;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import dev.userkit.sessions.Devices;
import dev.userkit.sessions.LoginResult;
import dev.userkit.spi.MessageKind;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Device control (D1, SEC-21) through the real services on the supplied stores.
 *
 * <p>If a test fails while the port contracts pass, check the {@code DeviceStore}: lookup by
 * user and token hash, {@code setPermitted} (restricting a device, SEC-21), {@code touch} (last
 * use), and the {@code deviceId} field of the session filter, which revokes a device's sessions.
 */
public abstract class DeviceFeatureTests extends LoginFixture {
    private static final String LAPTOP = "laptop-token-0123456789abcdefABCDEF";
    private static final String PHONE = "phone-token-0123456789abcdefABCDEFG";

    private UserKit controlled() {
        return kit(config().deviceControl(true).build());
    }

    private static ClientContext from(String deviceToken) {
        return new ClientContext("203.0.113.7", deviceToken, "TestAgent/1.0");
    }

    /** Logs in from a device the first time (refused, recorded) and permits it; returns its id. */
    private DeviceId permitted(UserKit kit, String name, String deviceToken) {
        expectCode(ErrorCode.DEVICE_DENIED, () -> kit.sessions().login(name, PASSWORD, from(deviceToken)));
        var user = stores.users().findByUsernameKey(name).orElseThrow().user().id();
        DeviceId id = stores.devices().find(user, Secrets.sha256(deviceToken)).orElseThrow().device().id();
        kit.devices().permit(id);
        return id;
    }

    @Test
    @DisplayName("D1 [required] a missing or short device token is refused with 805 before anything else")
    void tokenRequired() {
        alice();
        UserKit kit = controlled();
        expectCode(ErrorCode.INVALID_DEVICE_TOKEN, () -> kit.sessions().login("alice", PASSWORD, CLIENT));
        expectCode(ErrorCode.INVALID_DEVICE_TOKEN, () -> kit.sessions().login("alice", PASSWORD, from("short-token-123")));
        expectCode(ErrorCode.INVALID_DEVICE_TOKEN, () -> kit.sessions().login("alice", PASSWORD, from("has spaces in it but long enough")));
        assertThat(kit.devices().listAll()).isEmpty();
    }

    @Test
    @DisplayName("D1 [required] after a correct password an unknown device is recorded as not permitted and refused with 806")
    void unknownDeviceRecorded() {
        User alice = alice();
        UserKit kit = controlled();
        expectCode(ErrorCode.WRONG_CREDENTIALS, () -> kit.sessions().login("alice", "not the password at all", from(LAPTOP)));
        assertThat(kit.devices().list(alice.id())).isEmpty();
        expectCode(ErrorCode.DEVICE_DENIED, () -> kit.sessions().login("alice", PASSWORD, from(LAPTOP)));
        assertThat(kit.devices().list(alice.id())).singleElement().satisfies(d -> {
            assertThat(d.permitted()).isFalse();
            assertThat(d.userId()).isEqualTo(alice.id());
            assertThat(d.userAgent()).isEqualTo("TestAgent/1.0");
        });
        assertThat(kit.devices().listPermitted(alice.id())).isEmpty();
        expectCode(ErrorCode.DEVICE_DENIED, () -> kit.sessions().login("alice", PASSWORD, from(LAPTOP)));
        assertThat(kit.devices().list(alice.id())).hasSize(1);
        assertThat(kit.sessions().list(null, false, null, 10)).isEmpty();
    }

    @Test
    @DisplayName("D1 [required] an unknown device past the password queues one new-device notice to the owner; a wrong password or a known device queues none")
    void unknownDeviceNotice() {
        alice();
        UserKit kit = controlled();
        expectCode(ErrorCode.WRONG_CREDENTIALS, () -> kit.sessions().login("alice", "not the password at all", from(LAPTOP)));
        expectCode(ErrorCode.DEVICE_DENIED, () -> kit.sessions().login("alice", PASSWORD, from(LAPTOP)));
        expectCode(ErrorCode.DEVICE_DENIED, () -> kit.sessions().login("alice", PASSWORD, from(LAPTOP)));
        kit.outbox().deliverPending();
        assertThat(mailer.sent()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.NEW_DEVICE_NOTICE);
            assertThat(m.to()).isEqualTo("alice@example.com");
            assertThat(m.code()).isNull();
        });
    }

    @Test
    @DisplayName("D1 [required] a permitted device logs in; the session carries it and its last use is recorded")
    void permittedDevice() {
        User alice = alice();
        UserKit kit = controlled();
        DeviceId laptop = permitted(kit, "alice", LAPTOP);
        clock.advance(Duration.ofMinutes(3));
        LoginResult r = kit.sessions().login("alice", PASSWORD, from(LAPTOP));
        assertThat(r.session().deviceId()).isEqualTo(laptop);
        assertThat(kit.devices().get(laptop).lastUsedAt()).isEqualTo(clock.instant());
        assertThat(kit.devices().listPermitted(alice.id())).extracting(Device::id).containsExactly(laptop);
        expectCode(ErrorCode.DEVICE_DENIED, () -> kit.sessions().login("alice", PASSWORD, from(PHONE)));
        assertThat(kit.devices().list(alice.id())).hasSize(2);
    }

    @Test
    @DisplayName("D1 [required] devices are per user and listed for everyone by an admin")
    void listAll() {
        alice();
        user("bob", UserStatus.ACTIVE, false);
        UserKit kit = controlled();
        permitted(kit, "alice", LAPTOP);
        expectCode(ErrorCode.DEVICE_DENIED, () -> kit.sessions().login("bob", PASSWORD, from(LAPTOP)));
        assertThat(kit.devices().listAll()).hasSize(2);
        assertThat(kit.devices().listAll()).filteredOn(Device::permitted).hasSize(1);
    }

    @Test
    @DisplayName("D1 [required] device administration answers 807 when device control is off, 1012 for an unknown device")
    void unsupportedWhenOff() {
        User alice = alice();
        UserKit off = kit();
        expectCode(ErrorCode.DEVICE_CONTROL_UNSUPPORTED, () -> off.devices().list(alice.id()));
        expectCode(ErrorCode.DEVICE_CONTROL_UNSUPPORTED, () -> off.devices().listAll());
        assertThat(off.sessions().login("alice", PASSWORD, CLIENT).session().deviceId()).isNull();
        Devices on = controlled().devices();
        expectCode(ErrorCode.DEVICE_NOT_FOUND, () -> on.permit(new DeviceId(java.util.UUID.randomUUID())));
    }

    @Test
    @DisplayName("SEC-21 [required] device tokens are stored only as SHA-256")
    void tokensHashed() {
        User alice = alice();
        UserKit kit = controlled();
        DeviceId laptop = permitted(kit, "alice", LAPTOP);
        assertThat(stores.devices().find(alice.id(), LAPTOP)).isEmpty();
        assertThat(stores.devices().find(alice.id(), Secrets.sha256(LAPTOP))).hasValueSatisfying(
                d -> assertThat(d.device().id()).isEqualTo(laptop));
        assertThat(stores.devices().findById(laptop).orElseThrow().toString()).doesNotContain(LAPTOP);
    }

    @Test
    @DisplayName("SEC-21 [required] restricting a device revokes its sessions and refuses it again")
    void restrictRevokes() {
        alice();
        UserKit kit = controlled();
        DeviceId laptop = permitted(kit, "alice", LAPTOP);
        permitted(kit, "alice", PHONE);
        String onLaptop = kit.sessions().login("alice", PASSWORD, from(LAPTOP)).token();
        String onPhone = kit.sessions().login("alice", PASSWORD, from(PHONE)).token();
        kit.devices().restrict(laptop);
        expectCode(ErrorCode.TOKEN_INVALID, () -> kit.sessions().validate(onLaptop));
        assertThat(kit.sessions().validate(onPhone).anonymous()).isFalse();
        expectCode(ErrorCode.DEVICE_DENIED, () -> kit.sessions().login("alice", PASSWORD, from(LAPTOP)));
        assertThat(kit.devices().get(laptop).permitted()).isFalse();
    }
}
