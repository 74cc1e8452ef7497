package dev.userkit.http;

/** The hostile corpus through the edge mounted in Tomcat 11. */
class TomcatHostileApiTest extends HostileApiContract {
    @Override
    ServletContainer container() {
        return new TomcatContainer();
    }
}
