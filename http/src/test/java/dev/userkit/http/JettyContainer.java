package dev.userkit.http;

import jakarta.servlet.ServletContainerInitializer;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/** Jetty 12 (EE 10, Servlet 6) embedded, with its default URI compliance. */
final class JettyContainer implements ServletContainer {
    private Server server;

    @Override
    public int start(Map<String, ServletContainerInitializer> contexts) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandlerCollection handlers = new ContextHandlerCollection();
        contexts.forEach((path, initializer) -> {
            ServletContextHandler context = new ServletContextHandler();
            context.setContextPath(path.isEmpty() ? "/" : path);
            context.addServletContainerInitializer(initializer);
            handlers.addHandler(context);
        });
        server.setHandler(handlers);
        server.start();
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        if (server != null) server.stop();
    }
}
