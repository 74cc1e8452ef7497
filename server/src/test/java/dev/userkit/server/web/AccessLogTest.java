package dev.userkit.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the access log writes of a path (W5): the query never reaches it (Jetty's path has none). */
class AccessLogTest {
    @Test
    @DisplayName("W5 the access log writes a path segment that looks like a token or link code as *, and keeps ordinary segments")
    void secretSegmentsRedacted() {
        assertThat(AccessLog.redacted("/pages/verify")).isEqualTo("/pages/verify");
        assertThat(AccessLog.redacted("/um/users/01a23377-9dc7-72d5-911f-347f42172ea4")).isEqualTo("/um/users/01a23377-9dc7-72d5-911f-347f42172ea4");
        assertThat(AccessLog.redacted("/um/reset/KrQZywDxvLFB0VCPzyvW7BmEo-ZaCKhiI-bGJLUqg6I")).isEqualTo("/um/reset/*");
        assertThat(AccessLog.redacted("/x/KrQZywDxvLFB0VCPzyvW7BmEo/y")).isEqualTo("/x/*/y");
        assertThat(AccessLog.redacted(null)).isEmpty();
    }
}
