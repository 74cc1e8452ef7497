package dev.userkit.store.mariadb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.userkit.store.jdbc.testing.TestSpace;
import org.junit.jupiter.api.Test;

class MariaDbSmokeTest {
    @Test
    void serverStartsAndSchemaApplies() {
        TestSpace s = MariaDbTestServer.shared().newSpace("smoke");
        assertThat(s.wipe().users().findByEmailKey("x@example.com")).isEmpty();
        s.close();
    }
}
