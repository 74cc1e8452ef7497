package dev.userkit.http;

import jakarta.servlet.ServletContainerInitializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;

/** Tomcat 11 (Servlet 6.1) embedded, with its default connector settings. */
final class TomcatContainer implements ServletContainer {
    private Tomcat tomcat;

    @Override
    public int start(Map<String, ServletContainerInitializer> contexts) throws Exception {
        Path base = Files.createTempDirectory("userkit-tomcat");
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        // what a deployment does (see the module README): Tomcat's own error pages, for requests it refuses
        // before any filter runs, show neither a stack trace nor the server's version
        ErrorReportValve errors = new ErrorReportValve();
        errors.setShowReport(false);
        errors.setShowServerInfo(false);
        tomcat.getHost().getPipeline().addValve(errors);
        for (Map.Entry<String, ServletContainerInitializer> e : contexts.entrySet()) {
            Context context = tomcat.addContext(e.getKey(), base.toString());
            context.addServletContainerInitializer(e.getValue(), null);
        }
        tomcat.start();
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
