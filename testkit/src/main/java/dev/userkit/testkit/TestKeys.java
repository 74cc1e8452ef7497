package dev.userkit.testkit;

import dev.userkit.KeyRing;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Fixed server keys for tests, so that runs are repeatable. Never use these anywhere else. */
public final class TestKeys {
    /** Version 1 only. */
    public static final KeyRing RING = KeyRing.of(Map.of(1, "userkit-test-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8)), 1);

    private TestKeys() {}
}
