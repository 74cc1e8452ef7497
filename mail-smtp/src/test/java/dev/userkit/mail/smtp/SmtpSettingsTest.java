package dev.userkit.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.config.ConfigException;
import dev.userkit.config.Settings;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation, defaults and redaction of {@link SmtpSettings}. */
class SmtpSettingsTest {
    private static SmtpSettings.Builder valid() {
        return SmtpSettings.builder().host("smtp.example.test").from("no-reply@example.test");
    }

    private static void refused(UnaryOperator<SmtpSettings.Builder> change) {
        assertThatThrownBy(() -> change.apply(valid()).build()).isInstanceOfAny(IllegalArgumentException.class, NullPointerException.class);
    }

    @Test
    @DisplayName("M1 defaults: port 587, STARTTLS, timeout 5000 ms, no login, idle timeout 30 s, Message-IDs under the sender's domain")
    void builderWhenOnlyRequiredSetThenDefaults() {
        SmtpSettings s = valid().build();
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.messageIdDomain()).isNull();
        assertThat(s.effectiveMessageIdDomain()).isEqualTo("example.test");
        assertThat(s.port()).isEqualTo(587);
        assertThat(s.security()).isEqualTo(SmtpSecurity.STARTTLS);
        assertThat(s.timeout()).isEqualTo(Duration.ofMillis(5000));
        assertThat(s.authenticates()).isFalse();
    }

    @Test
    @DisplayName("M1 the password never appears in toString")
    void toStringWhenPasswordSetThenRedacted() {
        SmtpSettings s = valid().credentials("mailer", "hunter2-very-secret").build();
        assertThat(s.toString()).doesNotContain("hunter2-very-secret").contains("mailer").contains("***");
    }

    @Test
    @DisplayName("M1 missing host or sender is refused at construction")
    void buildWhenRequiredMissingThenRefused() {
        refused(b -> b.host(null));
        refused(b -> b.host("  "));
        refused(b -> b.from(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not an address", "a@", "@example.test", "two@example.test, three@example.test"})
    @DisplayName("M1 an invalid sender address is refused at construction")
    void buildWhenFromInvalidThenRefused(String from) {
        refused(b -> b.from(from));
    }

    @Test
    @DisplayName("M1 a sender with a display name is accepted")
    void buildWhenFromHasDisplayNameThenAccepted() {
        assertThat(valid().from("Example App <no-reply@example.test>").build().fromAddress().getAddress())
                .isEqualTo("no-reply@example.test");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536})
    @DisplayName("M1 a port outside 1-65535 is refused")
    void buildWhenPortOutOfRangeThenRefused(int port) {
        refused(b -> b.port(port));
    }

    @Test
    @DisplayName("M1 a zero, negative, sub-millisecond or missing timeout is refused")
    void buildWhenTimeoutInvalidThenRefused() {
        refused(b -> b.timeout(Duration.ZERO));
        refused(b -> b.timeout(Duration.ofMillis(-5)));
        refused(b -> b.timeout(Duration.ofNanos(500)));
        refused(b -> b.timeout(null));
    }

    @Test
    @DisplayName("M1 a negative or missing idle timeout is refused; zero (no reuse) is accepted")
    void buildWhenIdleTimeoutInvalidThenRefused() {
        refused(b -> b.idleTimeout(Duration.ofMillis(-1)));
        refused(b -> b.idleTimeout(null));
        assertThat(valid().idleTimeout(Duration.ZERO).build().idleTimeout()).isZero();
    }

    @Test
    @DisplayName("M1 a username without a password (or the reverse) is refused")
    void buildWhenCredentialsHalfSetThenRefused() {
        refused(b -> b.credentials("mailer", null));
        refused(b -> b.credentials(null, "secret"));
        refused(b -> b.credentials(" ", "secret"));
    }

    @Test
    @DisplayName("M1 the timeout applies to connect, read and write")
    void propertiesWhenTimeoutSetThenAllThreeTimeouts() {
        Properties p = SmtpMailer.properties(valid().timeout(Duration.ofMillis(1234)).build());
        assertThat(p).containsEntry("mail.smtp.connectiontimeout", "1234").containsEntry("mail.smtp.timeout", "1234")
                .containsEntry("mail.smtp.writetimeout", "1234");
    }

    @Test
    @DisplayName("M1 STARTTLS is required and TLS checks the server's identity")
    void propertiesWhenSecureThenUpgradeRequiredAndIdentityChecked() {
        assertThat(SmtpMailer.properties(valid().security(SmtpSecurity.STARTTLS).build()))
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true");
        assertThat(SmtpMailer.properties(valid().security(SmtpSecurity.TLS).build()))
                .containsEntry("mail.smtp.ssl.enable", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true");
        assertThat(SmtpMailer.properties(valid().security(SmtpSecurity.NONE).build()))
                .doesNotContainKeys("mail.smtp.starttls.enable", "mail.smtp.ssl.enable");
    }

    @Test
    @DisplayName("M1 every SMTP setting by name; an explicit builder value wins")
    void fromSettings() {
        Settings file = Settings.properties(new StringReader(String.join("\n",
                "userkit.smtp.host=file-host.test", "userkit.smtp.port=2525",
                "userkit.smtp.from=Example <no-reply@example.test>")), "userkit.properties");
        Settings settings = Settings.of(Map.of("USERKIT_SMTP_PORT", "465", "USERKIT_SMTP_SECURITY", "tls", "USERKIT_SMTP_TIMEOUT", "2s",
                "USERKIT_SMTP_USERNAME", "mailer", "USERKIT_SMTP_PASSWORD", "pw", "USERKIT_SMTP_IDLE_TIMEOUT", "10s",
                "USERKIT_SMTP_MESSAGE_ID_DOMAIN", "mail.example.test")).orElse(file);

        SmtpSettings s = SmtpSettings.builder(settings).host("explicit.test").build();

        assertThat(s).isEqualTo(new SmtpSettings("explicit.test", 465, "mailer", "pw", Duration.ofSeconds(2), SmtpSecurity.TLS,
                "Example <no-reply@example.test>", Duration.ofSeconds(10), "mail.example.test"));
    }

    @Test
    @DisplayName("M1 a malformed SMTP setting names the variable; the password never appears in an error")
    void badSettingsNamed() {
        assertThatThrownBy(() -> SmtpSettings.builder(Settings.of(Map.of("USERKIT_SMTP_SECURITY", "ssl"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("USERKIT_SMTP_SECURITY=ssl").hasMessageContaining("STARTTLS");
        Settings passwordOnly = Settings.of(Map.of("USERKIT_SMTP_HOST", "h.test", "USERKIT_SMTP_FROM", "a@example.test",
                "USERKIT_SMTP_PASSWORD", "s3cret-pw"));
        assertThatThrownBy(() -> SmtpSettings.builder(passwordOnly).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("s3cret-pw");
    }
}
