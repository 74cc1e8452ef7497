package dev.userkit.messages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.ErrorCode;
import dev.userkit.spi.MessageKind;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * M3, H1: the shipped bundles are complete and agree. The shipped files are read from the main
 * resources folder, so a language a test adds on the test classpath is not taken for a shipped one.
 */
class ShippedBundlesTest {
    private static final Path MAIN = Path.of("src/main/resources/dev/userkit");

    @Test
    @DisplayName("H1 every ErrorCode's message key is in every shipped error bundle, and every bundle has exactly the English keys")
    void errorBundlesComplete() throws IOException {
        List<Path> bundles = shipped(MAIN, "errors");
        assertThat(bundles).hasSizeGreaterThanOrEqualTo(2);
        Set<String> english = load(MAIN.resolve("errors.properties")).stringPropertyNames();
        for (ErrorCode code : ErrorCode.values()) assertThat(english).as(code.name()).contains(code.messageKey());
        for (Path b : bundles) assertThat(load(b).stringPropertyNames()).as(b.toString()).isEqualTo(english);
    }

    @Test
    @DisplayName("M3 every shipped mail bundle has exactly the English keys, and English has a subject for every mail kind")
    void mailBundlesComplete() throws IOException {
        Path mail = MAIN.resolve("mail");
        List<Path> bundles = shipped(mail, "messages");
        assertThat(bundles).hasSizeGreaterThanOrEqualTo(2);
        Set<String> english = load(mail.resolve("messages.properties")).stringPropertyNames();
        for (MessageKind kind : MessageKind.values()) {
            String key = TemplateRenderer.templateName(kind) + (kind.channel() == MessageKind.Channel.EMAIL ? ".subject" : ".text");
            assertThat(english).contains(key);
        }
        for (Path b : bundles) assertThat(load(b).stringPropertyNames()).as(b.toString()).isEqualTo(english);
    }

    @Test
    @DisplayName("M3 every mail kind has its shipped templates: text and HTML for mail, text for SMS")
    void templatesShipped() {
        Path folder = Path.of("src/main/resources").resolve(MustacheParts.SHIPPED_FOLDER);
        for (MessageKind kind : MessageKind.values()) {
            String name = TemplateRenderer.templateName(kind);
            assertThat(folder.resolve(name + ".txt.mustache")).isRegularFile();
            if (kind.channel() == MessageKind.Channel.EMAIL) assertThat(folder.resolve(name + ".html.mustache")).isRegularFile();
        }
    }

    private static List<Path> shipped(Path folder, String base) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().matches(base + "(_[A-Za-z0-9_]+)?\\.properties")).forEach(found::add);
            return found;
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }
}
