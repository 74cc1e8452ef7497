package dev.userkit.http;

/** The edge's login routes and the hostile corpus, mounted in Tomcat 11. */
class TomcatEdgeLoginTest extends EdgeLoginContract {
    @Override
    ServletContainer container() {
        return new TomcatContainer();
    }
}
