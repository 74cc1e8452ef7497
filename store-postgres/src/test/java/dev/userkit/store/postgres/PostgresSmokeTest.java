package dev.userkit.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.store.jdbc.testing.TestSpace;
import org.junit.jupiter.api.Test;

class PostgresSmokeTest {
    @Test
    void serverStartsAndSchemaApplies() {
        TestSpace s = PostgresTestServer.shared().newSpace("smoke");
        assertThat(s.wipe().users().findByEmailKey("x@example.com")).isEmpty();
        s.close();
    }
}
