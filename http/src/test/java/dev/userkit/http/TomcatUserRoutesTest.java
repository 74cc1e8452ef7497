package dev.userkit.http;

/** umpack's user routes mounted in Tomcat 11, on the in-memory stores. */
class TomcatUserRoutesTest extends UserRoutesContract {
    @Override
    ServletContainer container() {
        return new TomcatContainer();
    }
}
