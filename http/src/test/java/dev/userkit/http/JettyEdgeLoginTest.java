package dev.userkit.http;

/** The edge's login routes and the hostile corpus, mounted in Jetty 12 (EE 10). */
class JettyEdgeLoginTest extends EdgeLoginContract {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }
}
