package dev.userkit.http;

/** umpack's user API mounted in Jetty 12 (EE 10), on the in-memory stores. */
class JettyUserApiTest extends UserApiContract {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }
}
