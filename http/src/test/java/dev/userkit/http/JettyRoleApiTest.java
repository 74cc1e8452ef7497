package dev.userkit.http;

/** umpack's role, action, metadata and set-up routes in Jetty 12 (EE 10), on in-memory stores. */
class JettyRoleApiTest extends RoleApiContract {
    @Override
    ServletContainer container() {
        return new JettyContainer();
    }
}
