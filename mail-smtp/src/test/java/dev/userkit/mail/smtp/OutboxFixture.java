package dev.userkit.mail.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ClientContext;
import dev.userkit.OutboxSettings;
import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.accounts.NewUser;
import dev.userkit.domain.UserId;
import dev.userkit.hooks.LinkBuilder;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.outbox.DeliveryReport;
import dev.userkit.spi.Mailer;
import dev.userkit.spi.MessageRenderer;
import dev.userkit.testkit.MutableClock;
import dev.userkit.testkit.RecordingMailer;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UserKit over the in-memory store, its outbox delivering through the SMTP mailer to whatever
 * listens behind a {@link CountingProxy} (GreenMail, a silent server, nothing), on a test clock
 * so that a retry falls due without waiting, with every store call recorded ({@link StoreCalls}) and
 * every rendered mail recorded as the outbox handed it to the mailer ({@link #rendered}), so a test
 * can hold what arrived over SMTP against what was sent.
 * The application's links carry the code visibly, so a test reads it from either part.
 */
final class OutboxFixture implements AutoCloseable {
    static final String PASSWORD = "purple tractors dream of oceans";
    /** Retries are due after this; the tests step the clock past it. */
    static final Duration RETRY = Duration.ofSeconds(30);
    private static final LinkBuilder LINKS = (purpose, code) -> "https://app.example.test/" + purpose.name().toLowerCase() + "?code=" + code;
    private static final Pattern LINK_CODE = Pattern.compile("https://app\\.example\\.test/[a-z_]+\\?code=([A-Za-z0-9_-]+)");

    final MutableClock clock = MutableClock.standard();
    final CountingProxy smtp;
    final StoreCalls calls = new StoreCalls();
    final RecordingMailer rendered = new RecordingMailer();
    final CloseableMailer mailer;
    final UserKit kit;

    private OutboxFixture(int serverPort, Duration timeout, UnaryOperator<UserKitConfig.Builder> config,
                          UnaryOperator<OutboxSettings.Builder> outbox, MessageRenderer renderer) {
        smtp = new CountingProxy(serverPort);
        mailer = SmtpMailModule.mailer(SmtpFixtures.localSettings(smtp.port()).timeout(timeout).build());
        UserKitConfig.Builder base = UserKitConfig.builder().passwordHashing(PasswordHashing.insecureForTestsOnly())
                .activateOnSignup(true).outbox(outbox.apply(OutboxSettings.builder().firstRetryDelay(RETRY)).build());
        Mailer recordedThenSent = message -> {
            rendered.send(message);
            mailer.send(message);
        };
        UserKit.Builder b = UserKit.builder().stores(calls.decorate(InMemoryStores.create())).config(config.apply(base).build()).clock(clock)
                .mailer(recordedThenSent).links(LINKS);
        kit = (renderer == null ? b : b.renderer(renderer)).build();
    }

    /** A kit mailing to the server on {@code serverPort}, with the default settings and renderer. */
    static OutboxFixture mailingTo(int serverPort) {
        return new OutboxFixture(serverPort, Duration.ofSeconds(3), UnaryOperator.identity(), UnaryOperator.identity(), null);
    }

    /** A kit mailing to the server on {@code serverPort}, rendering with {@code renderer}, with changed settings. */
    static OutboxFixture mailingTo(int serverPort, MessageRenderer renderer, UnaryOperator<UserKitConfig.Builder> config) {
        return new OutboxFixture(serverPort, Duration.ofSeconds(3), config, UnaryOperator.identity(), renderer);
    }

    /** A kit mailing to the server on {@code serverPort} with this SMTP timeout, outbox settings and renderer (null: the default). */
    static OutboxFixture mailingTo(int serverPort, Duration timeout, UnaryOperator<OutboxSettings.Builder> outbox, MessageRenderer renderer) {
        return new OutboxFixture(serverPort, timeout, UnaryOperator.identity(), outbox, renderer);
    }

    /** Registers an active account for {@code username} at {@code email}. */
    UserId register(String username, String email) {
        return kit.accounts().register(NewUser.builder(username, email).password(PASSWORD).build(), ClientContext.NONE).userId();
    }

    /** One delivery pass, as the application's scheduler would run it. */
    DeliveryReport deliver() {
        return kit.outbox().deliverPending();
    }

    /** Steps the clock past the retry delay and runs a delivery pass. */
    DeliveryReport deliverAfterRetryDelay() {
        clock.advance(RETRY.multipliedBy(3));
        return deliver();
    }

    /** The code in the links of this text: at least one link, and every link (an HTML href and its text) with the same code. */
    static String codeIn(String text) {
        Matcher m = LINK_CODE.matcher(text);
        assertThat(m.find()).as("a link with a code in: %s", text).isTrue();
        String code = m.group(1);
        while (m.find()) assertThat(m.group(1)).as("every link's code").isEqualTo(code);
        return code;
    }

    @Override
    public void close() throws Exception {
        kit.close();
        mailer.close();
        smtp.close();
    }
}
