package dev.userkit.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.spi.MessageKind;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's curl walk-through is a script ({@code src/test/resources/walkthrough.sh}) that runs
 * here with /bin/bash against {@link WalkthroughApp} in Jetty on loopback, step by step; the READMEs
 * show that script word for word. The verification code reaches the script on its standard input,
 * as a person would paste it from the mail: the test takes it from the recording mailer.
 */
class WalkthroughTest {
    static final Path SCRIPT = Path.of("src/test/resources/walkthrough.sh");
    private static final List<Path> READMES = List.of(Path.of("README.md"), Path.of("../README.md"));

    @Test
    @DisplayName("W2 W1 the README's curl walk-through: sign up 200, verify 200, log in 200, an authorised call 200, a forbidden one 403, log out 200, then 401")
    void walkthroughRuns() throws Exception {
        WalkthroughApp app = new WalkthroughApp();
        try (ServletContainer container = new JettyContainer()) {
            int port = container.start(app.contexts());
            ProcessBuilder pb = new ProcessBuilder("/bin/bash", SCRIPT.toString()).redirectErrorStream(true);
            pb.environment().put("BASE", "http://127.0.0.1:" + port);
            Process bash = pb.start();
            Map<String, String> steps = new LinkedHashMap<>();
            List<String> output = new ArrayList<>();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8));
                 Writer in = bash.outputWriter(StandardCharsets.UTF_8)) {
                for (String line; (line = out.readLine()) != null; ) {
                    output.add(line);
                    String[] words = line.split(" ");
                    steps.put(words[0], words[words.length - 1]);
                    if (words[0].equals("signup")) {
                        // the mail leaves through the outbox; the script waits on its input for the code
                        app.kit.outbox().deliverPending();
                        in.write(app.mailer.latestCode("erin@example.com", MessageKind.VERIFY_EMAIL).orElse("no-mail") + "\n");
                        in.flush();
                    }
                }
            }
            assertThat(bash.waitFor(60, TimeUnit.SECONDS)).as("the script ends").isTrue();
            assertThat(bash.exitValue()).as(String.join("\n", output)).isZero();
            assertThat(steps).as(String.join("\n", output)).containsExactly(Map.entry("signup", "200"), Map.entry("verify", "200"),
                    Map.entry("login", "200"), Map.entry("orders", "200"), Map.entry("users", "403"), Map.entry("logout", "200"),
                    Map.entry("after", "401"));
            assertThat(output.get(3)).startsWith("orders hello erin at /api/orders");
            assertThat(output.get(4)).contains("\"internalStatus\":609");
        }
    }

    @Test
    @DisplayName("W2 W1 both READMEs show the walk-through script word for word")
    void readmesShowTheScript() throws Exception {
        String script = Files.readString(SCRIPT);
        for (Path readme : READMES) assertThat(Files.readString(readme)).as(readme.toString()).contains("```bash\n" + script + "```");
    }
}
