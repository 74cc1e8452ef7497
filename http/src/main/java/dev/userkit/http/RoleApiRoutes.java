package dev.userkit.http;

import dev.userkit.UserKit;

/** umpack's routes: GET /roles, POST /roles, GET, PUT, DELETE /roles/{roleName}, the action routes. SKELETON: routes to be added. */
final class RoleApiRoutes {
    private final UserKit kit;

    RoleApiRoutes(UserKit kit) {
        this.kit = kit;
    }

    void register(RouteTable table) {
        // SKELETON: the routes of this area go here
    }
}
