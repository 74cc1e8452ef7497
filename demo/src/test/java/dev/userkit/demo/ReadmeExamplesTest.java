package dev.userkit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.userkit.ClientContext;
import dev.userkit.KeyRing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.UserKitModule;
import dev.userkit.access.Decision;
import dev.userkit.accounts.NewUser;
import dev.userkit.accounts.Registration;
import dev.userkit.config.Settings;
import dev.userkit.domain.Verb;
import dev.userkit.memory.InMemoryStoreModule;
import dev.userkit.memory.InMemoryStores;
import dev.userkit.sessions.LoginResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's examples, verbatim between the markers, so they cannot rot. */
class ReadmeExamplesTest {
    private static final byte[] KEY = "replace-with-32-bytes-from-your-secret-store".getBytes(StandardCharsets.UTF_8);

    @Test
    void guiceQuickStartWorks() {
        // README:guice-start
        UserKitConfig config = UserKitConfig.builder()
                .keyRing(KeyRing.of(Map.of(1, KEY), 1))   // server keys from your secret store (SEC-26)
                .activateOnSignup(true)
                .build();
        Injector injector = Guice.createInjector(
                new UserKitModule(config),
                new InMemoryStoreModule());               // or PostgresStoreModule, MariaDbStoreModule, MongoStoreModule
        UserKit kit = injector.getInstance(UserKit.class);

        Registration reg = kit.accounts().register(
                NewUser.builder("alice", "alice@example.com").password("amber lantern over quiet harbour").build(),
                ClientContext.NONE);
        LoginResult login = kit.sessions().login("alice", "amber lantern over quiet harbour",
                ClientContext.fromAddress("203.0.113.7"));
        Decision decision = kit.access().authorize(login.token(), Verb.GET, "/api/orders");   // FORBIDDEN: no role yet
        // README:guice-end
        assertThat(reg.userId()).isEqualTo(login.user().id());
        assertThat(decision).isEqualTo(Decision.FORBIDDEN);
        assertThat(injector.getInstance(UserKit.class)).isSameAs(kit);
    }

    @Test
    void plainBuilderWorks() {
        // README:builder-start
        UserKit kit = UserKit.builder()
                .stores(InMemoryStores.create())
                .config(UserKitConfig.builder().keyRing(KeyRing.of(Map.of(1, KEY), 1)).build())
                .build();
        Registration reg = kit.accounts().register(
                NewUser.builder("bob", "bob@example.com").password("seven quiet otters paddle home").build(),
                ClientContext.NONE);
        kit.accounts().verifyEmail(reg.verificationCode());   // normally the code arrives by mail
        // README:builder-end
        assertThat(kit.accounts().findById(reg.userId()).orElseThrow().status().name()).isEqualTo("ACTIVE");
    }

    @Test
    void knownClientExampleWorks() {
        UserKit kit = UserKit.builder().stores(InMemoryStores.create())
                .config(UserKitConfig.builder().keyRing(KeyRing.of(Map.of(1, KEY), 1)).activateOnSignup(true).build()).build();
        kit.accounts().register(NewUser.builder("carol", "carol@example.com").password("quiet amber otters at dusk").build(),
                ClientContext.NONE);
        // README:known-client-start
        LoginResult first = kit.sessions().login("carol", "quiet amber otters at dusk", ClientContext.fromAddress("203.0.113.7"));
        String knownClient = first.knownClientToken();   // keep it on the client, e.g. in a long-lived HttpOnly cookie

        // later, from the same browser: only this client's own failures can lock it out (SEC-28)
        LoginResult next = kit.sessions().login("carol", "quiet amber otters at dusk",
                ClientContext.fromAddress("203.0.113.7").withKnownClientToken(knownClient));
        // README:known-client-end
        assertThat(kit.sessions().validate(next.token()).user()).isPresent();
    }

    @Test
    void settingsExampleWorks(@TempDir Path dir) throws IOException {
        Path configFile = Files.writeString(dir.resolve("userkit.properties"), String.join("\n",
                "userkit.session.idle.ttl=30m",
                "userkit.keys=1:" + Base64.getEncoder().encodeToString(KEY),
                "userkit.require.key.ring=true"));
        // README:settings-start
        Settings settings = Settings.environment()                 // USERKIT_SESSION_IDLE_TTL=30m, USERKIT_KEYS=2:...,1:...
                .orElse(Settings.properties(configFile));        // userkit.session.idle.ttl=30m, userkit.keys=2:...,1:...
        UserKitConfig config = UserKitConfig.builder(settings)
                .activateOnSignup(true)                          // an explicit value wins over both
                .build();                                        // userkit.require.key.ring=true: no key ring, no start
        // README:settings-end
        assertThat(config.sessionIdleTtl()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.keyRing()).isEqualTo(KeyRing.of(Map.of(1, KEY), 1));
        assertThat(config.requireKeyRing()).isTrue();
        assertThat(config.activateOnSignup()).isTrue();
    }

    @Test
    void readmeShowsTheseExamplesVerbatim() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String source = Files.readString(Path.of("src", "test", "java", "dev", "userkit", "demo", "ReadmeExamplesTest.java"));
        Matcher m = Pattern.compile("// README:([a-z-]+)-start\\n(.*?)\\n\\s*// README:\\1-end", Pattern.DOTALL).matcher(source);
        int examples = 0;
        while (m.find()) {
            examples++;
            String code = m.group(2).lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip()).collect(Collectors.joining("\n"));
            assertThat(readme).as("README example " + m.group(1)).contains(code);
        }
        assertThat(examples).isEqualTo(4);
    }
}
