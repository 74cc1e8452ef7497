package dev.userkit.mail.smtp;

import static dev.userkit.mail.smtp.OutboxFixture.PASSWORD;
import static dev.userkit.mail.smtp.OutboxFixture.codeIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.userkit.ClientContext;
import dev.userkit.ErrorCode;
import dev.userkit.OutboxSettings;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitException;
import dev.userkit.accounts.NewUser;
import dev.userkit.domain.UserId;
import dev.userkit.domain.UserStatus;
import dev.userkit.spi.MessageKind;
import dev.userkit.messages.TemplateRenderer;
import dev.userkit.spi.MailMessage;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mail UserKit sends, queued by the real services and delivered by the outbox through the
 * SMTP mailer to GreenMail: the right recipient, kind and language, the subject and both parts
 * exactly as the kit's renderer made them, and a code that works when used. Each test runs once
 * per shipped language.
 */
class OutboxSmtpDeliveryTest {
    private static final String ALICE = "alice@example.test";

    @RegisterExtension
    static final GreenMailExtension SERVER = SmtpFixtures.greenMail();

    /** The shipped languages: the template renderer's English and German bundles. */
    static Stream<Locale> languages() {
        return Stream.of(Locale.ENGLISH, Locale.GERMAN);
    }

    private static OutboxFixture kit(Locale language, UnaryOperator<UserKitConfig.Builder> config) {
        // The default locale too, so that the messages of flows without a request (a notice) are in that language.
        return OutboxFixture.mailingTo(SERVER.getSmtp().getPort(), new TemplateRenderer(),
                b -> config.apply(b.outbox(OutboxSettings.builder().firstRetryDelay(OutboxFixture.RETRY).defaultLocale(language).build())));
    }

    private static ClientContext in(Locale language) {
        return ClientContext.NONE.withLocale(language);
    }

    @ParameterizedTest
    @MethodSource("languages")
    @DisplayName("M1 M2 M3 A2 a registration's verification mail arrives after delivery, both parts with the code, and the code verifies")
    void verifyEmailWhenDeliveredThenArrivesAndCodeVerifies(Locale language) throws Exception {
        try (OutboxFixture f = kit(language, b -> b.activateOnSignup(false))) {
            UserId id = f.kit.accounts().register(NewUser.builder("alice", ALICE).password(PASSWORD).build(),
                    in(language)).userId();
            assertThat(SERVER.getReceivedMessages()).as("nothing is sent inside the request").isEmpty();
            f.deliver();

            String code = codeOf(f, only(f, ALICE, MessageKind.VERIFY_EMAIL, language));
            f.kit.accounts().verifyEmail(code);
            assertThat(f.kit.accounts().findById(id).orElseThrow().status()).isEqualTo(UserStatus.ACTIVE);
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    @DisplayName("M1 M2 M3 C2 C3 a reset mail arrives after delivery, its code resets the password, and the password-changed notice follows")
    void passwordResetWhenDeliveredThenCodeResetsAndNoticeFollows(Locale language) throws Exception {
        try (OutboxFixture f = kit(language, UnaryOperator.identity())) {
            f.register("alice", ALICE);
            f.kit.recovery().requestPasswordReset(ALICE, in(language));
            f.deliver();

            String newPassword = "seven quiet lanterns over harbour";
            f.kit.recovery().resetPassword(codeOf(f, only(f, ALICE, MessageKind.PASSWORD_RESET, language)), newPassword);
            assertThat(f.kit.sessions().login("alice", newPassword, ClientContext.NONE).user().email().value()).isEqualTo(ALICE);

            SERVER.purgeEmailFromAllMailboxes();
            f.deliver();
            noticeOnly(f, ALICE, MessageKind.PASSWORD_CHANGED_NOTICE, language);
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    @DisplayName("M1 M2 M3 C5 a username reminder arrives with the username in both parts")
    void usernameReminderWhenDeliveredThenUsernameInBothParts(Locale language) throws Exception {
        try (OutboxFixture f = kit(language, UnaryOperator.identity())) {
            f.register("alice", ALICE);
            f.kit.recovery().requestUsernameReminder(ALICE, in(language));
            f.deliver();

            MimeMessage m = only(f, ALICE, MessageKind.USERNAME_REMINDER, language);
            assertThat(SmtpFixtures.part(m, "text/plain")).contains("alice");
            assertThat(SmtpFixtures.part(m, "text/html")).contains("alice");
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    @DisplayName("M1 M2 M3 A8 an email change mails the code to the new address and a notice to the old one; the code confirms the change")
    void emailChangeWhenDeliveredThenCodeToNewNoticeToOldAndCodeConfirms(Locale language) throws Exception {
        try (OutboxFixture f = kit(language, UnaryOperator.identity())) {
            UserId id = f.register("alice", ALICE);
            String newEmail = "alice.new@example.test";
            f.kit.accounts().requestEmailChange(id, PASSWORD, newEmail);
            f.deliver();

            String code = codeOf(f, only(f, newEmail, MessageKind.CHANGE_EMAIL, language));
            noticeOnly(f, ALICE, MessageKind.EMAIL_CHANGE_NOTICE, language);
            assertThat(f.kit.accounts().confirmEmailChange(code).email().value()).isEqualTo(newEmail);
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    @DisplayName("M1 M2 M3 C2 SEC-10 with the unknown-address notice on, a reset for an address without an account sends it the notice")
    void unknownAddressNoticeWhenOnThenArrives(Locale language) throws Exception {
        try (OutboxFixture f = kit(language, b -> b.unknownAddressNotice(true))) {
            String stranger = "nobody@example.test";
            f.kit.recovery().requestPasswordReset(stranger, in(language));
            f.deliver();

            noticeOnly(f, stranger, MessageKind.UNKNOWN_ADDRESS_NOTICE, language);
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    @DisplayName("M1 M2 M3 SEC-09 repeated failed logins lock the account and the owner gets the account-locked notice")
    void accountLockedNoticeWhenLockedThenArrives(Locale language) throws Exception {
        try (OutboxFixture f = kit(language, b -> b.loginFailureLimit(3))) {
            f.register("alice", ALICE);
            for (int i = 0; i < 4; i++) {
                try {
                    f.kit.sessions().login("alice", "not the password at all", ClientContext.NONE);
                } catch (UserKitException refused) {
                    // wrong password, then locked: the notice is what this test reads
                }
            }
            f.deliver();

            noticeOnly(f, ALICE, MessageKind.ACCOUNT_LOCKED_NOTICE, language);
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    @DisplayName("M1 M2 M3 D1 a login from an unknown device under device control sends the owner the new-device notice")
    void newDeviceNoticeWhenUnknownDeviceThenArrives(Locale language) throws Exception {
        try (OutboxFixture f = kit(language, b -> b.deviceControl(true).activateOnSignup(true))) {
            f.register("alice", ALICE);
            ClientContext laptop = new ClientContext("203.0.113.7", "laptop-token-0123456789abcdefABCDEF", "TestAgent/1.0");
            assertThatThrownBy(() -> f.kit.sessions().login("alice", PASSWORD, laptop))
                    .isInstanceOfSatisfying(UserKitException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_DENIED));
            f.deliver();

            noticeOnly(f, ALICE, MessageKind.NEW_DEVICE_NOTICE, language);
        }
    }

    /**
     * The one mail that arrived for {@code to}, held against the message the outbox rendered and
     * handed to the mailer (found by its Message-ID): that kind, recipient and language, the same
     * subject and both parts as rendered, multipart/alternative, and Content-Language naming the language.
     */
    private static MimeMessage only(OutboxFixture f, String to, MessageKind kind, Locale language) throws Exception {
        List<MimeMessage> arrived = Arrays.stream(SERVER.getReceivedMessages()).filter(m -> sentTo(m, to)).toList();
        assertThat(arrived).as("mails to %s", to).hasSize(1);
        MimeMessage m = arrived.get(0);
        MailMessage sent = rendered(f, m);
        assertThat(sent.kind()).isEqualTo(kind);
        assertThat(sent.to()).isEqualTo(to);
        assertThat(sent.locale()).isEqualTo(language);
        assertThat(m.getSubject()).isNotBlank().isEqualTo(sent.subject());
        assertThat(m.getContentLanguage()).containsExactly(language.toLanguageTag());
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        assertThat(SmtpFixtures.part(m, "text/plain")).isNotBlank().isEqualTo(sent.text().strip());
        assertThat(SmtpFixtures.part(m, "text/html")).isNotBlank().isEqualTo(sent.html().strip());
        return m;
    }

    /** A notice: as {@link #only}, and it carries no code. */
    private static void noticeOnly(OutboxFixture f, String to, MessageKind kind, Locale language) throws Exception {
        MimeMessage m = only(f, to, kind, language);
        assertThat(rendered(f, m).code()).isNull();
        assertThat(SmtpFixtures.part(m, "text/plain")).doesNotContain("?code=");
    }

    /** The code of the link in the text part, the same as in the HTML part and as the message's code. */
    private static String codeOf(OutboxFixture f, MimeMessage m) throws Exception {
        String code = codeIn(SmtpFixtures.part(m, "text/plain"));
        // The HTML part writes the link's "=" and "&" as character references, as an HTML escaper may; a browser reads them back.
        String html = SmtpFixtures.part(m, "text/html").replace("&#61;", "=").replace("&amp;", "&");
        assertThat(codeIn(html)).isEqualTo(code);
        assertThat(rendered(f, m).code()).isEqualTo(code);
        return code;
    }

    /** The message the outbox handed to the mailer for the mail that arrived, by its Message-ID. */
    private static MailMessage rendered(OutboxFixture f, MimeMessage m) throws Exception {
        String messageId = m.getMessageID();
        return f.rendered.sent().stream().filter(s -> messageId.equals("<" + s.id() + "@userkit.test>")).findFirst()
                .orElseThrow(() -> new AssertionError("no rendered message for " + messageId));
    }

    private static boolean sentTo(MimeMessage m, String to) {
        try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(to));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
