package dev.userkit.http;

/** umpack's role, action, metadata and set-up routes in Tomcat 11, on in-memory stores. */
class TomcatRoleApiTest extends RoleApiContract {
    @Override
    ServletContainer container() {
        return new TomcatContainer();
    }
}
