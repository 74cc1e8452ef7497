package dev.userkit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TourTest {
    @Test
    void tourRunsEveryStepAndCompletes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        new Tour(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run();
        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Tour complete.")
                .contains("refused: 601")
                .contains("refused: 608")
                .contains("refused: 806")
                .contains("-> ALLOWED").contains("-> FORBIDDEN").contains("-> UNAUTHENTICATED")
                .doesNotContain(Tour.class.getSimpleName() + " failed");
    }
}
