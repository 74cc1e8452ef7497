package dev.userkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.multibindings.OptionalBinder;
import dev.userkit.accounts.NewUser;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.outbox.OutboxEntry;
import dev.userkit.spi.MailMessage;
import dev.userkit.spi.Mailer;
import dev.userkit.spi.MessageKind;
import dev.userkit.spi.Stores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A kit built with mailSentElsewhere() queues mail like a kit with a mailer and leaves the sending to another. */
class MailSentElsewhereTest {
    private static final UserKitConfig CONFIG = UserKitConfig.builder().keyRing(KeyRing.of(Map.of(1, new byte[32]), 1)).build();
    private final Stores stores = InMemoryStores.create();
    private final UserKit queueing = UserKit.builder().stores(stores).config(CONFIG).mailSentElsewhere().build();

    @Test
    @DisplayName("M2 a registration through a queue-only kit leaves its verification mail in the outbox, which a kit with a mailer over the same store delivers")
    void queuedHereSentThere() {
        String code = queueing.accounts().register(NewUser.builder("dora", "dora@example.com")
                .password("seven quiet otters paddle home").build(), ClientContext.NONE).verificationCode();
        assertThat(queueing.outbox().pending(10)).extracting(OutboxEntry::kind).containsExactly(MessageKind.VERIFY_EMAIL);

        List<MailMessage> mails = new ArrayList<>();
        UserKit sender = UserKit.builder().stores(stores).config(CONFIG).mailer(mails::add).build();
        assertThat(sender.outbox().deliverPending().delivered()).isEqualTo(1);
        assertThat(mails).singleElement().satisfies(m -> assertThat(m.text()).contains(code));
    }

    @Test
    @DisplayName("M2 a queue-only kit refuses to deliver, so it never claims a message it cannot send, and cannot have a mailer too")
    void refusesToSend() {
        assertThatThrownBy(() -> queueing.outbox().deliverPending()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> queueing.outbox().start()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> UserKit.builder().stores(InMemoryStores.create()).config(CONFIG).mailer(m -> {}).mailSentElsewhere().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("mailSentElsewhere");
    }

    @Test
    @DisplayName("M2 the Guice module's queue-only kit queues the verification mail and refuses to deliver it; with a mailer bound too it fails to start")
    void guiceModuleQueuesOnly() {
        Stores shared = InMemoryStores.create();
        UserKit kit = Guice.createInjector(UserKitModule.mailSentElsewhere(CONFIG), storesModule(shared)).getInstance(UserKit.class);
        kit.accounts().register(NewUser.builder("erin", "erin@example.com").password("seven quiet otters paddle home").build(),
                ClientContext.NONE);
        assertThat(kit.outbox().pending(10)).extracting(OutboxEntry::kind).containsExactly(MessageKind.VERIFY_EMAIL);
        assertThatThrownBy(() -> kit.outbox().deliverPending()).isInstanceOf(IllegalStateException.class);

        Module mailer = binder -> OptionalBinder.newOptionalBinder(binder, Mailer.class).setBinding().toInstance(m -> {});
        assertThatThrownBy(() -> Guice.createInjector(UserKitModule.mailSentElsewhere(CONFIG), storesModule(InMemoryStores.create()), mailer)
                .getInstance(UserKit.class)).isInstanceOf(ProvisionException.class).hasMessageContaining("mailSentElsewhere");
    }

    private static Module storesModule(Stores stores) {
        return binder -> binder.bind(Stores.class).toInstance(stores);
    }
}
