package dev.userkit.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKitException;
import dev.userkit.domain.Device;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * umpack's device routes (D1, D2) and its token check ({@code HEAD /authorization}, forward auth) over
 * real HTTP on loopback, in whichever container {@link #container()} gives, on the stores
 * {@link #stores()} gives: every route and every status it can answer.
 */
abstract class DeviceApiContract extends RoleApiFixture {
    // --- devices (D1, D2) ---

    @Test
    @DisplayName("D2 W2 device routes: the listing shows each device's id as its deviceToken; access by that id, restriction by the device's own token; the user's sessions from it end")
    void devices() throws Exception {
        Map<String, String> root = devRoot();
        ClientContext fromDave = new ClientContext("203.0.113.8", DAVE_DEVICE, "DaveAgent/1.0");
        assertThatThrownBy(() -> world.devices.sessions().login("dave", RoleApiWorld.PASSWORD, fromDave))
                .isInstanceOfSatisfying(UserKitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_DENIED));
        JsonNode list = json(send("GET", "/dev/um/users/dave/devices", root, null));
        assertThat(list).hasSize(1);
        String handle = list.get(0).get("deviceToken").asText();
        assertThat(handle).isNotEqualTo(DAVE_DEVICE);
        assertThat(list.get(0).get("canAccess").asBoolean()).isFalse();
        assertThat(list.get(0).get("lastUsageDate").asText()).isNotBlank();
        assertThat(json(send("GET", "/dev/um/users/dave/devices/permitted", root, null))).isEmpty();

        assertSuccess(send("POST", "/dev/um/users/dave/devices/access", root, "{\"deviceToken\":\"" + handle + "\"}"));
        assertThat(json(send("GET", "/dev/um/users/dave/devices/permitted", root, null)).get(0).get("deviceToken").asText()).isEqualTo(handle);
        String dave = world.devices.sessions().login("dave", RoleApiWorld.PASSWORD, fromDave).token();

        assertSuccess(send("POST", "/dev/um/users/dave/devices/restriction", root, "{\"deviceToken\":\"" + DAVE_DEVICE + "\"}"));
        assertThat(json(send("GET", "/dev/um/users/dave/devices", root, null)).get(0).get("canAccess").asBoolean()).isFalse();
        assertError(send("HEAD", "/dev/um/authorization", with(bearer(dave), "X-Device-Token", DAVE_DEVICE), null), 401, 607);

        assertSuccess(send("POST", "/dev/um/users/dave/devices/access", root, "{\"deviceToken\":\"" + DAVE_DEVICE + "\"}"));
        assertThat(world.devices.devices().listPermitted(world.devices.accounts().findByUsername("dave").orElseThrow().id()))
                .extracting(Device::userAgent).containsExactly("DaveAgent/1.0");
    }

    @Test
    @DisplayName("D2 W2 device refusals: 805 for a malformed token, 404 605 for an unknown user, 404 1012 to restrict a device the user never used, 1010 without deviceToken, 807 without device control")
    void deviceRefusals() throws Exception {
        Map<String, String> root = devRoot();
        assertError(send("POST", "/dev/um/users/dave/devices/access", root, "{\"deviceToken\":\"short\"}"), 400, 805);
        assertError(send("POST", "/dev/um/users/nobody/devices/access", root, "{\"deviceToken\":\"" + DAVE_DEVICE + "\"}"), 404, 605);
        assertError(send("GET", "/dev/um/users/nobody/devices", root, null), 404, 605);
        assertError(send("POST", "/dev/um/users/root/devices/restriction", root, "{\"deviceToken\":\"never-used-device-0123456789abcdef\"}"), 404, 1012);
        assertError(send("POST", "/dev/um/users/dave/devices/restriction", root, "{}"), 400, 1010);
        assertError(send("GET", "/um/users/bob/devices", root(), null), 400, 807);
        assertError(send("POST", "/um/users/bob/devices/access", root(), "{\"deviceToken\":\"" + DAVE_DEVICE + "\"}"), 400, 807);
    }

    // --- token check (HEAD /authorization) ---

    @Test
    @DisplayName("W2 HEAD /authorization is 200 for a live user session; 401 with X-Internal-Status 606, 607 or 608 otherwise; under device control 403 806 off the session's device")
    void authorization() throws Exception {
        String bob = world.login("bob", RoleApiWorld.PASSWORD);
        HttpResponse<String> ok = send("HEAD", "/um/authorization", bearer(bob), null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEmpty();
        assertHead(send("HEAD", "/um/authorization", Map.of(), null), 401, 606);
        assertHead(send("HEAD", "/um/authorization", bearer("not-a-session-token"), null), 401, 607);
        String anonymous = world.kit.sessions().startAnonymous(Map.of()).token();
        assertHead(send("HEAD", "/um/authorization", bearer(anonymous), null), 401, 607);
        String expiring = world.login("bob", RoleApiWorld.PASSWORD);
        world.clock.advance(Duration.ofDays(2));
        assertHead(send("HEAD", "/um/authorization", bearer(expiring), null), 401, 608);
        String devRoot = devRootToken();
        assertThat(send("HEAD", "/dev/um/authorization", with(bearer(devRoot), "X-Device-Token", ROOT_DEVICE), null).statusCode()).isEqualTo(200);
        assertHead(send("HEAD", "/dev/um/authorization", with(bearer(devRoot), "X-Device-Token", DAVE_DEVICE), null), 403, 806);
    }

    @Test
    @DisplayName("W2 R4 HEAD /authorization with X-Original-Method and X-Original-URI answers the R4 decision for that request (forward auth): 200, 401, or 403 with 609")
    void forwardAuth() throws Exception {
        Map<String, String> root = root();
        assertThat(send("HEAD", "/um/authorization", forward(root, "DELETE", "/um/roles/x?y=1"), null).statusCode()).isEqualTo(200);
        assertHead(send("HEAD", "/um/authorization", forward(root, "GET", "/api/orders"), null), 403, 609);
        assertHead(send("HEAD", "/um/authorization", forward(root, "GET", "/um/../api"), null), 403, 609);
        assertHead(send("HEAD", "/um/authorization", forward(root, "PROPFIND", "/um/roles"), null), 403, 609);
        assertHead(send("HEAD", "/um/authorization", forward(Map.of(), "GET", "/um/roles"), null), 401, 606);
        String bob = world.login("bob", RoleApiWorld.PASSWORD);
        assertHead(send("HEAD", "/um/authorization", forward(bearer(bob), "GET", "/um/roles"), null), 403, 609);
    }
}
