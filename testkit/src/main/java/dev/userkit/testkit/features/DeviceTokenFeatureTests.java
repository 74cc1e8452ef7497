package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.crypto.Secrets;
import dev.userkit.domain.Device;
import dev.userkit.domain.User;
import dev.userkit.domain.UserId;
import dev.userkit.sessions.LoginResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * D2: permitting and restricting a device by its token as well as by its id, through the real
 * services on the supplied stores.
 *
 * <p>If a test fails while the port contracts pass, check {@code DeviceStore.find} by user and
 * token hash (the store keeps only the SHA-256 of a token), {@code setPermitted}, and that
 * {@code insert} refuses the same user and hash twice.
 */
public abstract class DeviceTokenFeatureTests extends LoginFixture {
    private static final String LAPTOP = "laptop-token-0123456789abcdefABCDEF";

    @Test
    @DisplayName("D2 [required] permitting by token the device a refused login recorded lets it log in; restricting by token refuses it and ends its sessions")
    void permitThenRestrictByToken() {
        User alice = alice();
        UserKit kit = deviceControlled();
        expectCode(ErrorCode.DEVICE_DENIED, () -> kit.sessions().login("alice", PASSWORD, fromDevice(LAPTOP)));
        Device permitted = kit.devices().permitToken(alice.id(), LAPTOP);
        assertThat(permitted.permitted()).isTrue();
        assertThat(kit.devices().list(alice.id())).singleElement().extracting(Device::id).isEqualTo(permitted.id());
        LoginResult login = kit.sessions().login("alice", PASSWORD, fromDevice(LAPTOP));

        Device restricted = kit.devices().restrictToken(alice.id(), LAPTOP);
        assertThat(restricted.id()).isEqualTo(permitted.id());
        assertThat(restricted.permitted()).isFalse();
        expectCode(ErrorCode.TOKEN_INVALID, () -> kit.sessions().validate(login.token()));
        expectCode(ErrorCode.DEVICE_DENIED, () -> kit.sessions().login("alice", PASSWORD, fromDevice(LAPTOP)));
    }

    @Test
    @DisplayName("D2 [required] permitting by token a device never seen records it as permitted (only its hash is stored), so its first login passes")
    void permitUnknownToken() {
        User alice = alice();
        UserKit kit = deviceControlled();
        Device d = kit.devices().permitToken(alice.id(), LAPTOP);
        assertThat(stores.devices().find(alice.id(), Secrets.sha256(LAPTOP))).hasValueSatisfying(r -> {
            assertThat(r.device().id()).isEqualTo(d.id());
            assertThat(r.tokenHash()).isEqualTo(Secrets.sha256(LAPTOP)).doesNotContain(LAPTOP);
        });
        assertThat(kit.devices().permitToken(alice.id(), LAPTOP).id()).as("idempotent").isEqualTo(d.id());
        assertThat(kit.sessions().login("alice", PASSWORD, fromDevice(LAPTOP)).token()).isNotBlank();
        assertThat(kit.devices().listPermitted(alice.id())).extracting(Device::id).containsExactly(d.id());
    }

    @Test
    @DisplayName("D2 [required] by token: 805 for a malformed token, 1012 to restrict a device the user never used, 605 for an unknown user, 807 without device control")
    void refusals() {
        User alice = alice();
        UserKit kit = deviceControlled();
        expectCode(ErrorCode.INVALID_DEVICE_TOKEN, () -> kit.devices().permitToken(alice.id(), "short"));
        expectCode(ErrorCode.INVALID_DEVICE_TOKEN, () -> kit.devices().restrictToken(alice.id(), null));
        expectCode(ErrorCode.DEVICE_NOT_FOUND, () -> kit.devices().restrictToken(alice.id(), LAPTOP));
        UserId stranger = new UserId(java.util.UUID.randomUUID());
        expectCode(ErrorCode.USER_NOT_FOUND, () -> kit.devices().permitToken(stranger, LAPTOP));
        expectCode(ErrorCode.INVALID_ARGUMENT, () -> kit.devices().permitToken(null, LAPTOP));
        expectCode(ErrorCode.DEVICE_CONTROL_UNSUPPORTED, () -> kit().devices().permitToken(alice.id(), LAPTOP));
        assertThat(kit.devices().list(alice.id())).isEmpty();
    }
}
