package dev.userkit.http;

/** The edge mounted in Tomcat 11. */
class TomcatHttpEdgeTest extends HttpEdgeContract {
    @Override
    ServletContainer container() {
        return new TomcatContainer();
    }
}
