package dev.userkit.store.jdbc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;

/** Helpers the server providers share: the provider choice, free ports, scratch folders, space names. */
public final class TestServers {
    private static final AtomicInteger SPACES = new AtomicInteger();

    private TestServers() {}

    /** Which kind of server a provider uses, in order of preference. */
    public enum Kind { ENVIRONMENT, DOCKER, EMBEDDED }

    /** ENVIRONMENT if {@code urlVariable} is set, else DOCKER if an engine answers, else EMBEDDED. */
    public static Kind choose(String urlVariable) {
        String url = System.getenv(urlVariable);
        if (url != null && !url.isBlank()) return Kind.ENVIRONMENT;
        return dockerAvailable() ? Kind.DOCKER : Kind.EMBEDDED;
    }

    /** Whether a Docker engine answers (Testcontainers answers in milliseconds when none does). */
    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** A port nothing listens on right now. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty folder under the system temp folder. */
    public static Path scratch(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh schema or database name: lower-case letters, digits and '_'. */
    public static String spaceName(String prefix) {
        return (prefix + "_" + ProcessHandle.current().pid() + "_" + SPACES.incrementAndGet()).toLowerCase();
    }
}
