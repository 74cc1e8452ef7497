package dev.userkit.http;

/** Signed access tokens through the edge mounted in Jetty 12 (EE 10). */
class JettyAccessTokenTest extends AccessTokenContract {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }
}
