package dev.userkit.http;

import dev.userkit.UserKit;

/** umpack's routes: the four password reset routes under /users. SKELETON: routes to be added. */
final class ResetApiRoutes {
    private final UserKit kit;

    ResetApiRoutes(UserKit kit) {
        this.kit = kit;
    }

    void register(RouteTable table) {
        // SKELETON: the routes of this area go here
    }
}
