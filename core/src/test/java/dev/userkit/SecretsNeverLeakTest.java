package dev.userkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.accounts.NewUser;
import dev.userkit.accounts.Registration;
import dev.userkit.hooks.UserKitEvent;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.sessions.LoginResult;
import dev.userkit.spi.MailMessage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SEC-24: no password, token or code in a log line or an audit event; line breaks in input escaped. */
class SecretsNeverLeakTest {
    private static final String PASSWORD = "amber lantern over quiet harbour";
    private static final String NEW_PASSWORD = "seven quiet otters paddle home";
    private static final String WRONG = "definitely-not-the-password-123";

    @Test
    @DisplayName("SEC-24 a full lifecycle leaves no password, token or code in logs or events")
    void noSecretInLogsOrEvents() {
        List<UserKitEvent> events = new ArrayList<>();
        List<MailMessage> mails = new ArrayList<>();
        UserKit kit = UserKit.builder().stores(InMemoryStores.create()).listener(events::add).mailer(mails::add)
                .config(UserKitConfig.builder().keyRing(KeyRing.of(Map.of(1, new byte[32]), 1)).build()).build();
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, NEW_PASSWORD, WRONG));
        try (PrintStream sink = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setErr(sink);
            System.setOut(sink);
            Registration reg = kit.accounts().register(NewUser.builder("carol", "carol@example.com").password(PASSWORD).build(),
                    ClientContext.fromAddress("203.0.113.9"));
            secrets.add(reg.verificationCode());
            kit.accounts().verifyEmail(reg.verificationCode());
            assertThatThrownBy(() -> kit.sessions().login("carol", WRONG, ClientContext.NONE)).isInstanceOf(UserKitException.class);
            LoginResult login = kit.sessions().login("carol", PASSWORD, ClientContext.NONE);
            secrets.add(login.token());
            kit.recovery().requestPasswordReset("carol@example.com", ClientContext.NONE);
            kit.outbox().deliverPending();
            String resetCode = mails.get(mails.size() - 1).code();
            assertThat(mails.get(mails.size() - 1).text()).as("mail carries the code").contains(resetCode);
            secrets.add(resetCode);
            kit.recovery().resetPassword(resetCode, NEW_PASSWORD);
            kit.sessions().login("carol", NEW_PASSWORD, ClientContext.NONE);
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        assertThat(events).extracting(UserKitEvent::type).contains(UserKitEvent.Type.LOGIN_FAILED,
                UserKitEvent.Type.LOGIN_SUCCEEDED, UserKitEvent.Type.PASSWORD_RESET);
        for (String secret : secrets) {
            assertThat(logs).doesNotContain(secret);
            assertThat(events.toString()).doesNotContain(secret);
        }
    }

    @Test
    @DisplayName("SEC-24 line breaks in user input cannot forge an audit line")
    void lineBreaksAreEscaped() {
        UserKitEvent e = new UserKitEvent(UserKitEvent.Type.LOGIN_FAILED, java.time.Instant.EPOCH, null,
                "1.2.3.4\nLOGIN_SUCCEEDED admin", Map.of("identifier", "eve\r\nforged"));
        assertThat(e.address()).doesNotContain("\n").contains("\\n");
        assertThat(e.details().get("identifier")).doesNotContain("\r").doesNotContain("\n");
    }
}
