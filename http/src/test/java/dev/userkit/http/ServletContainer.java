package dev.userkit.http;

import jakarta.servlet.ServletContainerInitializer;
import java.util.Map;

/** An embedded Servlet 6 container the edge is mounted in, listening on loopback. */
interface ServletContainer extends AutoCloseable {
    /**
     * Starts the container with one web application per context path, each set up by its initializer.
     *
     * @return the port it listens on, on 127.0.0.1
     */
    int start(Map<String, ServletContainerInitializer> contexts) throws Exception;

    @Override
    void close() throws Exception;
}
