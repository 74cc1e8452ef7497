package dev.userkit.server.web;

import dev.userkit.UserKit;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The server's embedded Jetty 12: one connector, one servlet context at {@code /} holding the
 * health routes ({@value #HEALTH_PATH}) and whatever the mounts register (the HTTP edge, the pages),
 * the access log, and a graceful stop: {@link #close()} stops accepting connections, answers new
 * requests on open ones 503, and waits up to the grace period for the requests in flight.
 */
public final class WebServer implements AutoCloseable {
    /** Where the health routes live; the authorisation filter must let it through. */
    public static final String HEALTH_PATH = "/health";
    private final Server jetty;
    private final ServerConnector connector;

    private WebServer(Server jetty, ServerConnector connector) {
        this.jetty = jetty;
        this.connector = connector;
    }

    /**
     * Starts listening.
     *
     * @param bind the address to listen on, e.g. {@code 127.0.0.1}
     * @param port the port; 0 picks a free one ({@link #port()} tells which)
     * @param grace how long {@link #close()} waits for requests in flight
     * @param kit the services the health routes ask
     * @param mounts each registers its filters and servlets on the context, in order
     * @return the running server
     * @throws IllegalStateException if the address cannot be bound or a mount fails
     */
    public static WebServer start(String bind, int port, Duration grace, UserKit kit, List<Consumer<ServletContext>> mounts) {
        Objects.requireNonNull(kit, "kit");
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost(bind);
        connector.setPort(port);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServletContainerInitializer((classes, ctx) -> {
            ServletRegistration.Dynamic health = ctx.addServlet("userkit-health", new HealthServlet(kit));
            health.addMapping(HEALTH_PATH + "/*");
            mounts.forEach(mount -> mount.accept(ctx));
        });
        jetty.setHandler(new GracefulHandler(context));
        jetty.setRequestLog(new AccessLog());
        jetty.setStopTimeout(grace.toMillis());
        // the server's own shutdown hook orders the stop (web, outbox, kit, database)
        jetty.setStopAtShutdown(false);
        try {
            jetty.start();
        } catch (Exception e) {
            stopQuietly(jetty);
            throw new IllegalStateException("Cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        return new WebServer(jetty, connector);
    }

    /**
     * The port listened on.
     *
     * @return the bound port
     */
    public int port() {
        return connector.getLocalPort();
    }

    /** Stops gracefully: no new connections, requests in flight finish within the grace period. */
    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly", e);
        }
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception ignored) {
            // the start failure is the one to report
        }
    }
}
