package dev.userkit.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The README's Spring Boot quick start is the code the starter's application tests run
 * ({@code OrdersApplication} and the test {@code application.properties}, between their readme markers).
 */
class ReadmeSpringBootTest {
    private static final Path README = Path.of("../README.md");

    @Test
    @DisplayName("W6 the README's Spring Boot quick start shows OrdersApplication's code and the tests' three properties word for word")
    void readmeShowsTheTestedCode() throws Exception {
        String readme = Files.readString(README);
        String source = Files.readString(Path.of("src/test/java/dev/userkit/spring/boot/app/OrdersApplication.java"));
        String code = between(source, "// readme:start\n", "    // readme:end");
        // without its final line break, so that stripIndent measures the code's own lines
        assertThat(readme).contains("```java\n" + code.substring(0, code.length() - 1).stripIndent() + "\n```");
        String properties = between(Files.readString(Path.of("src/test/resources/application.properties")), "# readme:start\n", "# readme:end");
        assertThat(properties.lines().count()).isEqualTo(3);
        assertThat(readme).contains("```properties\n" + properties + "```");
    }

    private static String between(String text, String start, String end) {
        return text.substring(text.indexOf(start) + start.length(), text.indexOf(end));
    }
}
