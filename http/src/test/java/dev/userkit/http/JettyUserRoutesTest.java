package dev.userkit.http;

/** umpack's user routes mounted in Jetty 12 (EE 10), on the in-memory stores. */
class JettyUserRoutesTest extends UserRoutesContract {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }
}
