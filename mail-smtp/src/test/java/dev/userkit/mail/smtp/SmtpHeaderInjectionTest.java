package dev.userkit.mail.smtp;

import static dev.userkit.mail.smtp.SmtpFixtures.TO;
import static dev.userkit.mail.smtp.SmtpFixtures.localSettings;
import static dev.userkit.mail.smtp.SmtpFixtures.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.userkit.spi.MailMessage;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.Notification;
import java.util.Locale;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Header injection (issue 10, SEC-31's header rule): CR, LF and other control characters in any
 * value that reaches a header or an SMTP command are refused before a byte is sent, by the message
 * record and again by the adapter, including the adapter's own settings.
 */
class SmtpHeaderInjectionTest {
    /** Line breaks that would start a new header, alone and with a payload; NUL, a tab, DEL, NEL and U+2028 too. */
    private static final String[] BREAKS = {"\r\nBcc: mallory@evil.test", "\nX-Injected: yes", "\r", "\u0000", "\t", "\u007f",
            "\u0085", "\u2028"};

    @RegisterExtension
    static final GreenMailExtension SERVER = SmtpFixtures.greenMail();

    private static SmtpSettings.Builder settings() {
        return localSettings(SERVER.getSmtp().getPort());
    }

    private static void settingRefused(UnaryOperator<SmtpSettings.Builder> change) {
        assertThatThrownBy(() -> change.apply(settings()).build()).isInstanceOf(MailHeaderException.class)
                .hasMessageContaining("control character");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    @DisplayName("M1 a control character in the subject, recipient or message id is refused before anything is sent")
    void messageWhenHeaderValueHasControlCharacterThenRefused(int which) {
        String bad = BREAKS[which];
        assertThatThrownBy(() -> message("Hello" + bad, "body")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mail(UUID.randomUUID().toString(), TO + bad)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> mail("id" + bad, TO)).isInstanceOf(IllegalArgumentException.class);
        assertThat(SERVER.getReceivedMessages()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7})
    @DisplayName("M1 a control character in the sender, its display name, the host, the login or the Message-ID domain is refused with MailHeaderException")
    void settingsWhenHeaderValueHasControlCharacterThenMailHeaderException(int which) {
        String bad = BREAKS[which];
        settingRefused(b -> b.from("no-reply@userkit.test" + bad));
        settingRefused(b -> b.from("UserKit" + bad + " <no-reply@userkit.test>"));
        settingRefused(b -> b.host("127.0.0.1" + bad));
        settingRefused(b -> b.credentials("mailer" + bad, "pw"));
        settingRefused(b -> b.messageIdDomain("userkit.test" + bad));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.test, mallory@evil.test", "alice@example.test; mallory@evil.test",
            "friends: alice@example.test, mallory@evil.test;", "not an address"})
    @DisplayName("M1 a recipient that is a list, a group or no address is refused by the adapter with MailHeaderException, and nothing is sent")
    void sendWhenRecipientNotOneAddressThenMailHeaderException(String recipient) {
        CloseableMailer mailer = SmtpMailModule.mailer(settings().build());

        assertThatThrownBy(() -> mailer.send(mail(UUID.randomUUID().toString(), recipient)))
                .isInstanceOf(MailHeaderException.class).hasMessageNotContaining("mallory");
        assertThat(SERVER.getReceivedMessages()).isEmpty();
        mailer.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mail example.test", "example.test.", "<example.test>", "ex@mple.test"})
    @DisplayName("M1 a Message-ID domain that a msg-id cannot carry is refused at construction")
    void settingsWhenMessageIdDomainMalformedThenRefused(String domain) {
        assertThatThrownBy(() -> settings().messageIdDomain(domain).build()).isInstanceOf(IllegalArgumentException.class);
    }

    private static MailMessage mail(String id, String to) {
        return new MailMessage(new Notification(id, MessageKind.PASSWORD_RESET, to, Locale.ENGLISH, "alice", null, null, null),
                "Reset", "text", "<p>html</p>");
    }
}
