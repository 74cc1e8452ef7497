package dev.userkit.http;

/** The hostile corpus through the edge mounted in Jetty 12 (EE 10). */
class JettyHostileApiTest extends HostileApiContract {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }
}
