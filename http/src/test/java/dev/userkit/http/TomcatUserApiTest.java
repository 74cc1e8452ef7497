package dev.userkit.http;

/** umpack's user API mounted in Tomcat 11, on the in-memory stores. */
class TomcatUserApiTest extends UserApiContract {
    @Override
    ServletContainer container() {
        return new TomcatContainer();
    }
}
