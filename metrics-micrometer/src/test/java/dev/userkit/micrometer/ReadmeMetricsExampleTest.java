package dev.userkit.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ClientContext;
import dev.userkit.KeyRing;
import dev.userkit.UserKit;
import dev.userkit.UserKitConfig;
import dev.userkit.accounts.NewUser;
import dev.userkit.memory.InMemoryStores;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's Metrics example, verbatim between the markers (as demo's ReadmeExamplesTest does), so it cannot rot. */
class ReadmeMetricsExampleTest {
    private static final byte[] KEY = "replace-with-32-bytes-from-your-secret-store".getBytes(StandardCharsets.UTF_8);

    @Test
    @DisplayName("W6 the README's metrics example runs: a sign-up shows in userkit.registrations and its mail in the backlog gauge")
    void readmeExampleRuns() {
        // README:metrics-start
        MeterRegistry registry = new SimpleMeterRegistry();      // or your application's (Prometheus, OTLP, ...)
        UserKitMetrics metrics = new UserKitMetrics(registry);   // registers every counter and timer at zero
        UserKit kit = UserKit.builder()
                .stores(InMemoryStores.create())                 // or your store
                .config(UserKitConfig.builder().keyRing(KeyRing.of(Map.of(1, KEY), 1)).build())
                .instrumentation(metrics)
                .build();
        metrics.bindGauges(kit);                                 // userkit.hashes.active, userkit.outbox.backlog
        // README:metrics-end
        kit.accounts().register(NewUser.builder("ada", "ada@example.com").password("seven quiet otters paddle home").build(),
                ClientContext.NONE);
        assertThat(registry.get("userkit.registrations").counter().count()).isEqualTo(1);
        assertThat(registry.get("userkit.outbox.backlog").gauge().value()).isZero();   // no mailer: nothing is queued
    }

    @Test
    @DisplayName("W6 the README shows the metrics example verbatim")
    void readmeShowsTheExampleVerbatim() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String source = Files.readString(Path.of("src", "test", "java", "dev", "userkit", "micrometer", "ReadmeMetricsExampleTest.java"));
        Matcher m = Pattern.compile("// README:([a-z-]+)-start\\n(.*?)\\n\\s*// README:\\1-end", Pattern.DOTALL).matcher(source);
        assertThat(m.find()).isTrue();
        String code = m.group(2).lines().map(l -> l.length() >= 8 ? l.substring(8) : l.strip()).collect(Collectors.joining("\n"));
        assertThat(readme).as("README example " + m.group(1)).contains(code);
    }
}
