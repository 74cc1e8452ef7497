package dev.userkit.http;

/** Signed access tokens through the edge mounted in Tomcat 11. */
class TomcatAccessTokenTest extends AccessTokenContract {
    @Override
    ServletContainer container() {
        return new TomcatContainer();
    }
}
