package dev.userkit.testkit.features;

import dev.userkit.spi.MessageKind;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.StoreException;
import dev.userkit.UserKit;
import dev.userkit.domain.UserId;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.hooks.UserKitEvent.Type;
import dev.userkit.spi.MailMessage;
import dev.userkit.spi.SessionStore;
import dev.userkit.spi.Stores;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * H3 audit events of the account and recovery operations, and REL-3 ordering of a reset.
 *
 * <p>If a test fails, an event is missing or early: core emits it after the store call
 * succeeds, so check that the call did not throw and did not answer false (an update that was
 * not applied).
 */
public abstract class IdentityEventTests extends IdentityFixture {

    @Test
    @DisplayName("H3 [required] account and recovery operations emit their events, none carrying a password or code")
    void eventsWithoutSecrets() {
        UserKit kit = listening().build();
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, NEW_PASSWORD));
        String verify = kit.accounts().register(user("eve"), ClientContext.fromAddress("192.0.2.1")).verificationCode();
        UserId id = kit.accounts().verifyEmail(verify).id();
        kit.accounts().changeUsername(id, PASSWORD, "eve2");
        String change = kit.accounts().requestEmailChange(id, PASSWORD, "eve2@example.org");
        kit.accounts().confirmEmailChange(change);
        kit.accounts().changePassword(id, PASSWORD, NEW_PASSWORD, null);
        kit.recovery().requestPasswordReset("eve2", null);
        String reset = codeMailedTo("eve2@example.org", MessageKind.PASSWORD_RESET);
        kit.recovery().resetPassword(reset, PASSWORD);
        kit.accounts().setAdmin(id, true);
        kit.accounts().deactivate(id);
        kit.accounts().delete(id);
        secrets.addAll(List.of(verify, change, reset));

        assertThat(eventTypes()).containsExactly(Type.USER_REGISTERED, Type.EMAIL_VERIFIED, Type.USERNAME_CHANGED,
                Type.EMAIL_CHANGED, Type.PASSWORD_CHANGED, Type.PASSWORD_RESET, Type.ROLE_CHANGED,
                Type.USER_STATUS_CHANGED, Type.USER_DELETED);
        assertThat(events).allSatisfy(e -> assertThat(e.userId()).isEqualTo(id));
        assertThat(events.get(0).address()).isEqualTo("192.0.2.1");
        for (UserKitEvent e : events) {
            for (String secret : secrets) assertThat(e.toString()).doesNotContain(secret);
        }
    }

    @Test
    @DisplayName("REL-3 [required] a fault between the steps of a reset leaves the code spent and a retry with a new code completes it")
    void resetFaultOrdering() {
        UserKit kit = kit();
        UserId id = kit.accounts().register(user("ray"), null).userId();
        addSession(id);
        kit.recovery().requestPasswordReset("ray", null);
        String code = codeMailedTo("ray@example.org", MessageKind.PASSWORD_RESET);
        Stores faulty = stores.withSessions(AccountIntegrityTests.failing(SessionStore.class, stores.sessions(), "deleteMatching"));
        UserKit broken = UserKit.builder().stores(faulty).config(config().build()).clock(clock).mailer(mailer).build();
        assertThatThrownBy(() -> broken.recovery().resetPassword(code, NEW_PASSWORD)).isInstanceOf(StoreException.class);
        // the code went first (ARCHITECTURE order: code, password, sessions), so it cannot be replayed; the
        // password is the new one (stores without transactions) or the old one (rolled back), never anything else
        assertCode(ErrorCode.CODE_INVALID, () -> kit.recovery().resetPassword(code, "a third password of some length"));
        assertThat(passwordIs(id, NEW_PASSWORD) || passwordIs(id, PASSWORD)).isTrue();
        kit.recovery().requestPasswordReset("ray", null);
        kit.recovery().resetPassword(codeMailedTo("ray@example.org", MessageKind.PASSWORD_RESET), NEW_PASSWORD);
        assertThat(sessionsOf(id)).isEmpty();
        assertThat(passwordIs(id, NEW_PASSWORD)).isTrue();
    }
}
