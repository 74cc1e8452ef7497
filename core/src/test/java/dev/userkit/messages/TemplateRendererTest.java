package dev.userkit.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.userkit.spi.MailMessage;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.Notification;
import dev.userkit.spi.SmsMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** M3: the default renderer's templates, languages, escaping and overrides. */
class TemplateRendererTest {
    private static final Locale[] SHIPPED = {Locale.ENGLISH, Locale.GERMAN};
    private final TemplateRenderer renderer = new TemplateRenderer();

    static Stream<Arguments> mailKindsInShippedLanguages() {
        return Arrays.stream(MessageKind.values()).filter(k -> k.channel() == MessageKind.Channel.EMAIL)
                .flatMap(k -> Arrays.stream(SHIPPED).map(l -> Arguments.of(k, l)));
    }

    @ParameterizedTest(name = "M3 {0} in {1}: subject, text and html, the code's link in both parts, nothing left unfilled")
    @MethodSource("mailKindsInShippedLanguages")
    void everyMailKindRendersInEveryShippedLanguage(MessageKind kind, Locale locale) {
        MailMessage m = renderer.mail(Notifications.of(kind, locale));

        assertThat(m.subject()).isNotBlank();
        assertThat(m.text()).isNotBlank();
        assertThat(m.html()).startsWith("<!DOCTYPE html>").contains("lang=\"" + locale.getLanguage() + "\"");
        for (String part : new String[] {m.subject(), m.text(), m.html()}) {
            assertThat(part).doesNotContain("{{", "}}", "{username}", "{code}", "{link}", "{expiry}");
        }
        if (Notifications.WITH_CODE.contains(kind)) {
            assertThat(m.text()).contains(m.link());
            // mustache escapes '=' too (&#61;), which a browser reads back as '='
            assertThat(m.html()).contains("href=\"" + m.link().replace("=", "&#61;") + "\"");
        }
        if (kind == MessageKind.USERNAME_REMINDER) {
            assertThat(m.text()).contains("alice");
            assertThat(m.html()).contains("alice");
        }
    }

    @Test
    @DisplayName("M3 English and German differ in every mail kind's subject and text")
    void languagesDiffer() {
        for (MessageKind kind : MessageKind.values()) {
            if (kind.channel() != MessageKind.Channel.EMAIL) continue;
            MailMessage en = renderer.mail(Notifications.of(kind, Locale.ENGLISH));
            MailMessage de = renderer.mail(Notifications.of(kind, Locale.GERMAN));
            assertThat(de.subject()).as(kind.name()).isNotEqualTo(en.subject());
            assertThat(de.text()).as(kind.name()).isNotEqualTo(en.text());
        }
    }

    @Test
    @DisplayName("M3 the reset SMS in English and German carries the code and the expiry")
    void smsInBothLanguages() {
        for (Locale l : SHIPPED) {
            SmsMessage sms = renderer.sms(Notifications.of(MessageKind.PASSWORD_RESET_SMS, l));
            assertThat(sms.text()).contains(Notifications.CODE).contains("2026").doesNotContain("{{", "{code}");
        }
        assertThat(renderer.sms(Notifications.of(MessageKind.PASSWORD_RESET_SMS, Locale.GERMAN)).text()).startsWith("Ihr Code");
    }

    @Test
    @DisplayName("M3 a kind on the other channel is refused")
    void wrongChannelRefused() {
        assertThatThrownBy(() -> renderer.mail(Notifications.of(MessageKind.PASSWORD_RESET_SMS, Locale.ENGLISH)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> renderer.sms(Notifications.of(MessageKind.PASSWORD_RESET, Locale.ENGLISH)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("M3 the code alone (the default LinkBuilder) is shown as a code, not as a link")
    void bareCodeIsNoLink() {
        MailMessage m = renderer.mail(Notifications.of(MessageKind.PASSWORD_RESET, Locale.ENGLISH, "alice", Notifications.CODE));
        assertThat(m.text()).contains(Notifications.CODE);
        assertThat(m.html()).contains("<code>" + Notifications.CODE + "</code>").doesNotContain("href=");
    }

    @Test
    @DisplayName("M3 values are HTML-escaped in the html part and left as they are in the text part")
    void htmlEscapesTextDoesNot() {
        String name = "<script>alert('x')</script>&co";
        String link = "https://app.example/reset?code=abc&next=\"/home\"";
        for (MessageKind kind : new MessageKind[] {MessageKind.PASSWORD_RESET, MessageKind.USERNAME_REMINDER, MessageKind.NEW_DEVICE_NOTICE}) {
            MailMessage m = renderer.mail(Notifications.of(kind, Locale.ENGLISH, name, link));
            assertThat(m.html()).as(kind.name()).doesNotContain("<script>").contains("&lt;script&gt;").contains("&amp;co");
            assertThat(m.text()).as(kind.name()).contains(name);
        }
        MailMessage reset = renderer.mail(Notifications.of(MessageKind.PASSWORD_RESET, Locale.ENGLISH, name, link));
        assertThat(reset.html()).contains("code&#61;abc&amp;next&#61;&quot;/home&quot;").doesNotContain(link);
        assertThat(reset.text()).contains(link);
    }

    @Test
    @DisplayName("M3 a value that looks like a placeholder or a mustache tag is shown as it is, never filled")
    void valuesAreNotTemplates() {
        String name = "{code}{{code}}";
        MailMessage m = renderer.mail(Notifications.of(MessageKind.EMAIL_CHANGE_NOTICE, Locale.ENGLISH, name, null));
        assertThat(m.text()).contains("Hello {code}{{code}},").contains("your account {code}{{code}}.");
        MailMessage reset = renderer.mail(Notifications.of(MessageKind.PASSWORD_RESET, Locale.ENGLISH, name, "https://a.example/r"));
        assertThat(reset.text()).contains("Hello {code}{{code}},").doesNotContain("Hello " + Notifications.CODE);
    }

    @Test
    @DisplayName("M3 one renderer serves concurrent deliveries: templates compile once, every result is whole")
    void concurrentRendering() throws Exception {
        TemplateRenderer fresh = new TemplateRenderer();
        MailMessage expected = renderer.mail(Notifications.of(MessageKind.PASSWORD_RESET, Locale.GERMAN));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<MailMessage>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> fresh.mail(Notifications.of(MessageKind.PASSWORD_RESET, Locale.GERMAN))));
            }
            for (Future<MailMessage> r : results) {
                assertThat(r.get().html()).isEqualTo(expected.html());
                assertThat(r.get().text()).isEqualTo(expected.text());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("M3 the expiry is shown in the user's locale, in UTC unless the renderer is given a zone")
    void expiryInLocaleAndZone() {
        Notification n = Notifications.of(MessageKind.PASSWORD_RESET, Locale.GERMAN);
        assertThat(renderer.mail(n).text()).contains("01.12.2026, 18:30 UTC");
        TemplateRenderer berlin = TemplateRenderer.builder().zone(ZoneId.of("Europe/Berlin")).build();
        assertThat(berlin.mail(n).text()).contains("01.12.2026, 19:30 MEZ");
        // JDK 20+ locale data put a narrow no-break space before "PM", older ones a space: the same text to a reader
        assertThat(berlin.mail(Notifications.of(MessageKind.PASSWORD_RESET, Locale.US)).text().replace('\u202f', ' '))
                .contains("Dec 1, 2026, 7:30 PM CET");
    }

    @Test
    @DisplayName("M3 a language falls back de-AT to de to English, never to the JVM's default locale")
    void localeFallback() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            assertThat(renderer.mail(Notifications.of(MessageKind.PASSWORD_RESET, Locale.forLanguageTag("de-AT"))).subject())
                    .isEqualTo("Passwort zurücksetzen");
            assertThat(renderer.mail(Notifications.of(MessageKind.PASSWORD_RESET, Locale.JAPANESE)).subject())
                    .isEqualTo("Reset your password");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    @DisplayName("M3 a third language added as one properties file is picked up; keys it lacks come from English")
    void thirdLanguageIsOneFile() {
        MailMessage fr = renderer.mail(Notifications.of(MessageKind.PASSWORD_RESET, Locale.FRENCH));
        assertThat(fr.subject()).isEqualTo("Réinitialiser votre mot de passe");
        assertThat(fr.text()).startsWith("Bonjour alice,").contains("quelqu'un a demandé");
        assertThat(fr.html()).contains("lang=\"fr\"").contains("Choose a new password");
    }

    @Test
    @DisplayName("M3 an application's template in a directory wins for that template; every other stays shipped")
    void directoryOverride(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("password_reset.html.mustache"), "<p>Brand {{username}}: <a href=\"{{link}}\">{{action}}</a></p>");
        TemplateRenderer own = TemplateRenderer.builder().templates(TemplateSource.directory(dir)).build();

        MailMessage reset = own.mail(Notifications.of(MessageKind.PASSWORD_RESET, Locale.GERMAN, "<b>", "https://a.example/r"));
        assertThat(reset.html()).isEqualTo("<p>Brand &lt;b&gt;: <a href=\"https://a.example/r\">Neues Passwort wählen</a></p>");
        assertThat(reset.text()).isEqualTo(renderer.mail(Notifications.of(MessageKind.PASSWORD_RESET, Locale.GERMAN, "<b>", "https://a.example/r")).text());
        assertThat(own.mail(Notifications.of(MessageKind.VERIFY_EMAIL, Locale.GERMAN)).html())
                .isEqualTo(renderer.mail(Notifications.of(MessageKind.VERIFY_EMAIL, Locale.GERMAN)).html());
    }

    @Test
    @DisplayName("M3 an application's shared layout on the classpath changes every HTML part that uses it")
    void layoutOverride(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("layout.html.mustache"), "<!DOCTYPE html><html lang=\"{{language}}\"><h1>ACME</h1>{{$body}}{{/body}}</html>");
        TemplateRenderer own = TemplateRenderer.builder().templates(TemplateSource.directory(dir)).build();
        for (MessageKind kind : new MessageKind[] {MessageKind.VERIFY_EMAIL, MessageKind.ACCOUNT_LOCKED_NOTICE}) {
            assertThat(own.mail(Notifications.of(kind, Locale.ENGLISH)).html()).contains("<h1>ACME</h1>").doesNotContain("<body");
        }
    }

    @Test
    @DisplayName("M3 templates under an application's classpath prefix and its own bundle win over the shipped ones")
    void classpathOverrideAndOwnBundle() {
        TemplateRenderer own = TemplateRenderer.builder()
                .templates(TemplateSource.classpath("acme/mail", getClass().getClassLoader()))
                .messages("acme.mail.words", getClass().getClassLoader()).build();

        MailMessage en = own.mail(Notifications.of(MessageKind.PASSWORD_RESET, Locale.ENGLISH, "a&b", "https://a.example/r?x=1&y=2"));
        assertThat(en.subject()).isEqualTo("Acme: reset your password");
        assertThat(en.text()).isEqualTo("ACME a&b https://a.example/r?x=1&y=2\n");
        // the application overrode the root (English) subject only: German keeps the shipped German one
        assertThat(own.mail(Notifications.of(MessageKind.PASSWORD_RESET, Locale.GERMAN)).subject()).isEqualTo("Passwort zurücksetzen");
        assertThat(own.mail(Notifications.of(MessageKind.VERIFY_EMAIL, Locale.ENGLISH)).subject()).isEqualTo("Please verify your email address");
    }

    @Test
    @DisplayName("M3 header injection: a translated subject with CR/LF is refused")
    void translatedSubjectWithLineBreakRefused() {
        TemplateRenderer broken = TemplateRenderer.builder().messages("acme.broken.words", getClass().getClassLoader()).build();
        assertThatThrownBy(() -> broken.mail(Notifications.of(MessageKind.PASSWORD_RESET, Locale.ENGLISH)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
    }

    @Test
    @DisplayName("M3 header injection: a value with CR/LF that reaches the subject is refused; in the body it stays body text")
    void valueWithLineBreakInSubjectRefused() {
        TemplateRenderer broken = TemplateRenderer.builder().messages("acme.broken.words", getClass().getClassLoader()).build();
        String name = "eve\r\nBcc: victim@example.com";
        assertThat(broken.mail(Notifications.of(MessageKind.VERIFY_EMAIL, Locale.ENGLISH, "eve", "x")).subject()).isEqualTo("Welcome eve");
        assertThatThrownBy(() -> broken.mail(Notifications.of(MessageKind.VERIFY_EMAIL, Locale.ENGLISH, name, "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("subject");
        // the shipped subjects hold no value at all
        assertThat(renderer.mail(Notifications.of(MessageKind.VERIFY_EMAIL, Locale.ENGLISH, name, "x")).subject())
                .isEqualTo("Please verify your email address");
    }

    @Test
    @DisplayName("M3 header injection: a recipient with CR/LF is refused")
    void recipientWithLineBreakRefused() {
        Notification n = Notifications.of(MessageKind.PASSWORD_RESET, Locale.ENGLISH).withRecipient("a@example.com\r\nBcc: b@example.com");
        assertThatThrownBy(() -> renderer.mail(n)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recipient");
    }
}
