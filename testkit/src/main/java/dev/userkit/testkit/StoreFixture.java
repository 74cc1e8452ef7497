package dev.userkit.testkit;

import dev.userkit.PasswordHashing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.outbox.DeliveryReport;
import dev.userkit.spi.MailMessage;
import dev.userkit.spi.SmsMessage;
import dev.userkit.spi.Stores;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every contract and feature test: a fresh, empty store bundle, a clock, a recording
 * mailer and SMS sender before each test, and a way to build the services over them.
 * Subclasses are abstract and run as {@code @Nested} classes of a {@link StoreConformanceSuite},
 * whose hooks supply the stores and capabilities.
 */
@ExtendWith(EnclosingSuite.class)
public abstract class StoreFixture {
    /** The stores under test, empty at the start of each test. */
    protected Stores stores;
    /** The clock every service and assertion uses. */
    protected MutableClock clock;
    /** What the services mailed. */
    protected RecordingMailer mailer;
    /** What the services texted. */
    protected RecordingSmsSender sms;

    private StoreConformanceSuite suite;

    /**
     * Stores with no data, from the enclosing suite's {@link StoreConformanceSuite#emptyStores()} hook.
     *
     * @return new stores, or the same ones wiped
     */
    protected final Stores emptyStores() {
        return suite.emptyStores();
    }

    @BeforeEach
    void prepareFixture(StoreConformanceSuite enclosing) {
        suite = enclosing;
        stores = emptyStores();
        clock = MutableClock.standard();
        mailer = new RecordingMailer();
        sms = new RecordingSmsSender();
    }

    /**
     * The configuration tests start from: the defaults, with a fixed key ring and production
     * password hashing (SEC-04: the suite proves the real parameters on every store).
     *
     * @return a new builder with those settings
     */
    protected UserKitConfig.Builder config() {
        return UserKitConfig.builder().keyRing(TestKeys.RING).passwordHashing(PasswordHashing.PRODUCTION);
    }

    /**
     * The services over this fixture's stores, clock, mailer and SMS sender with {@link #config()}.
     *
     * @return the services
     */
    protected UserKit kit() {
        return kit(config().build());
    }

    /**
     * The services with a given configuration.
     *
     * @param cfg the configuration
     * @return the services
     */
    protected UserKit kit(UserKitConfig cfg) {
        return kitBuilder(cfg).build();
    }

    /**
     * A builder pre-filled with this fixture's parts, for adding hooks.
     *
     * @param cfg the configuration
     * @return the builder
     */
    protected UserKit.Builder kitBuilder(UserKitConfig cfg) {
        return UserKit.builder().stores(stores).config(cfg).clock(clock).mailer(mailer).sms(sms);
    }

    /**
     * Delivers what the services queued (one outbox pass over this fixture's stores, to its
     * recording mailer and SMS sender), as a sender running beside the application would.
     *
     * @return what the pass did
     */
    protected DeliveryReport deliver() {
        return kit().outbox().deliverPending();
    }

    /**
     * Every mail sent so far, after delivering what was queued.
     *
     * @return the mails, oldest first
     */
    protected List<MailMessage> mailSent() {
        deliver();
        return mailer.sent();
    }

    /**
     * Delivers what was queued, then forgets every mail sent: what a test reads next is only what follows.
     */
    protected void clearSentMail() {
        deliver();
        mailer.clear();
    }

    /**
     * Every text message sent so far, after delivering what was queued.
     *
     * @return the texts, oldest first
     */
    protected List<SmsMessage> textsSent() {
        deliver();
        return sms.sent();
    }
}
