package dev.userkit.testkit.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.UserKit;
import dev.userkit.domain.DeviceId;
import dev.userkit.domain.User;
import dev.userkit.domain.UserStatus;
import dev.userkit.crypto.Secrets;
import dev.userkit.sessions.LoginResult;
import dev.userkit.spi.MailMessage;
import dev.userkit.testkit.CountingSessionReads;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The opt-in validation cache ({@code UserKitConfig.Builder.validationCache}) on the supplied stores:
 * a validation is answered from memory, and every revocation made through the kit is seen at once, with
 * no wait for the staleness window (set to a minute here, so nothing here passes by the entry going stale).
 * Each revocation test validates twice (the second from the cache), revokes, and expects 607.
 *
 * <p>If a test fails, check the store call the revocation ends in: the cache learns of revocations from
 * the kit's session store ({@code delete}, {@code deleteMatching}, {@code restamp}, the sliding writes) and
 * user store ({@code update}, {@code delete}); a store that returns false for a write it made, or a
 * {@code deleteMatching} count of 0 for sessions it deleted, leaves them cached.
 */
public abstract class ValidationCacheTests extends LoginFixture {
    private static final String NEW_PASSWORD = "seven quiet lanterns over harbour";
    private CountingSessionReads storeReads;
    private User alice;
    private UserKit kit;

    @BeforeEach
    void cachedKit() {
        storeReads = new CountingSessionReads(stores.sessionReads());
        stores = stores.toBuilder().sessionReads(storeReads).build();
        alice = alice();
        kit = kit(config().validationCache(true).validationCacheStaleness(Duration.ofMinutes(1)).build());
    }

    @Test
    @DisplayName("S3 [required] with the validation cache on, a validation soon after another is answered without a store read")
    void secondValidationIsCached() {
        String token = cachedLogin();
        long reads = storeReads.validationReads();
        assertThat(kit.sessions().validate(token).user()).map(User::id).contains(alice.id());
        assertThat(storeReads.validationReads()).isEqualTo(reads);
    }

    @Test
    @DisplayName("S4 SEC-18 [required] with the validation cache on, a cached session still expires and still slides")
    void cachedSessionExpiresAndSlides() {
        String token = cachedLogin();
        clock.advance(Duration.ofMinutes(2));
        assertThat(kit.sessions().validate(token).session().lastSeenAt()).isEqualTo(clock.instant());
        assertThat(stores.sessions().findByTokenHash(Secrets.sha256(token)).orElseThrow().session().lastSeenAt())
                .isEqualTo(clock.instant());
        kit.sessions().validate(token);
        clock.advance(Duration.ofHours(25));
        expectCode(ErrorCode.TOKEN_EXPIRED, () -> kit.sessions().validate(token));
    }

    @Test
    @DisplayName("S5 [required] with the validation cache on, a logout is seen at once")
    void logout() {
        String token = cachedLogin();
        kit.sessions().logout(token);
        expectInvalid(token);
    }

    @Test
    @DisplayName("S2 [required] with the validation cache on, a logout to anonymous ends the old token at once")
    void logoutToAnonymous() {
        String token = cachedLogin();
        String anonymous = kit.sessions().logoutToAnonymous(token);
        expectInvalid(token);
        assertThat(kit.sessions().validate(anonymous).anonymous()).isTrue();
    }

    @Test
    @DisplayName("S2 [required] with the validation cache on, a login binding an anonymous session ends its token at once")
    void loginFromAnonymous() {
        String anonymous = kit.sessions().startAnonymous(Map.of()).token();
        validateTwice(anonymous);
        String bound = kit.sessions().loginFromAnonymous(anonymous, "alice", PASSWORD, CLIENT, Map.of()).token();
        expectInvalid(anonymous);
        assertThat(kit.sessions().validate(bound).user()).map(User::id).contains(alice.id());
    }

    @Test
    @DisplayName("SEC-17 [required] with the validation cache on, rotating a token ends the old one at once")
    void rotate() {
        String token = cachedLogin();
        String rotated = kit.sessions().rotate(token);
        expectInvalid(token);
        assertThat(kit.sessions().validate(rotated).user()).isPresent();
    }

    @Test
    @DisplayName("S7 [required] with the validation cache on, killing a user's sessions, or everyone's, is seen at once")
    void kill() {
        String token = cachedLogin();
        kit.sessions().kill(alice.id(), false);
        expectInvalid(token);
        String again = cachedLogin();
        kit.sessions().kill(null, false);
        expectInvalid(again);
    }

    @Test
    @DisplayName("S10 [required] with the validation cache on, signing out everywhere else ends the other sessions at once")
    void signOutOthers() {
        String other = cachedLogin();
        String current = cachedLogin();
        kit.sessions().signOutOthers(current);
        expectInvalid(other);
        assertThat(kit.sessions().validate(current).user()).isPresent();
    }

    @Test
    @DisplayName("A7 SEC-27 [required] with the validation cache on, a password change ends the other sessions at once; the kept one validates")
    void changePassword() {
        String other = cachedLogin();
        LoginResult kept = kit.sessions().login("alice", PASSWORD, CLIENT);
        validateTwice(kept.token());
        kit.accounts().changePassword(alice.id(), PASSWORD, NEW_PASSWORD, kept.session().id());
        expectInvalid(other);
        assertThat(kit.sessions().validate(kept.token()).user()).isPresent();
    }

    @Test
    @DisplayName("A7 SEC-19 [required] with the validation cache on, an admin setting a password ends every session at once")
    void adminSetPassword() {
        String token = cachedLogin();
        kit.accounts().adminSetPassword(alice.id(), NEW_PASSWORD);
        expectInvalid(token);
    }

    @Test
    @DisplayName("C3 SEC-19 [required] with the validation cache on, a password reset by mail ends every session at once")
    void resetPassword() {
        String token = cachedLogin();
        kit.recovery().requestPasswordReset("alice", ClientContext.NONE);
        kit.recovery().resetPassword(mailedCode("alice@example.com"), NEW_PASSWORD);
        expectInvalid(token);
    }

    @Test
    @DisplayName("A11 SEC-19 [required] with the validation cache on, deactivating a user is seen at once, also after reactivation")
    void deactivate() {
        String token = cachedLogin();
        kit.accounts().deactivate(alice.id());
        expectInvalid(token);
        kit.accounts().activate(alice.id());
        expectInvalid(token);
    }

    @Test
    @DisplayName("A10 [required] with the validation cache on, deleting a user is seen at once")
    void deleteUser() {
        String token = cachedLogin();
        kit.accounts().delete(alice.id());
        expectInvalid(token);
    }

    @Test
    @DisplayName("SEC-21 [required] with the validation cache on, restricting a device ends its sessions at once")
    void restrictDevice() {
        UserKit controlled = kit(config().validationCache(true).validationCacheStaleness(Duration.ofMinutes(1))
                .deviceControl(true).build());
        ClientContext laptop = new ClientContext("203.0.113.7", "laptop-token-0123456789abcdefABCDEF", "TestAgent/1.0", null);
        expectCode(ErrorCode.DEVICE_DENIED, () -> controlled.sessions().login("alice", PASSWORD, laptop));
        DeviceId device = stores.devices().find(alice.id(), Secrets.sha256(laptop.deviceToken())).orElseThrow().device().id();
        controlled.devices().permit(device);
        String token = controlled.sessions().login("alice", PASSWORD, laptop).token();
        controlled.sessions().validate(token);
        controlled.sessions().validate(token);
        controlled.devices().restrict(device);
        expectCode(ErrorCode.TOKEN_INVALID, () -> controlled.sessions().validate(token));
    }

    @Test
    @DisplayName("S3 [required] with the validation cache on, a user disabled through setStatus is seen at once")
    void setStatusDisabled() {
        String token = cachedLogin();
        kit.accounts().setStatus(alice.id(), UserStatus.DISABLED);
        expectInvalid(token);
    }

    /** A session of alice's, validated twice so that its read is cached. */
    private String cachedLogin() {
        String token = kit.sessions().login("alice", PASSWORD, CLIENT).token();
        validateTwice(token);
        return token;
    }

    private void validateTwice(String token) {
        kit.sessions().validate(token);
        kit.sessions().validate(token);
    }

    private void expectInvalid(String token) {
        expectCode(ErrorCode.TOKEN_INVALID, () -> kit.sessions().validate(token));
    }

    private String mailedCode(String address) {
        deliver();
        return mailer.lastTo(address).map(MailMessage::code).orElseThrow();
    }
}
