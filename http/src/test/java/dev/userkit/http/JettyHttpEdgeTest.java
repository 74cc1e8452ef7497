package dev.userkit.http;

/** The edge mounted in Jetty 12 (EE 10). */
class JettyHttpEdgeTest extends HttpEdgeContract {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }
}
