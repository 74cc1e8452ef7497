package dev.userkit.http;

import dev.userkit.UserKit;

/** umpack's routes: GET /users, /users/{userId}, /users/{userName}/full, PUT username and info, DELETE, POST /updateUserStatus, /updateUserRoles. SKELETON: routes to be added. */
final class UserApiRoutes {
    private final UserKit kit;

    UserApiRoutes(UserKit kit) {
        this.kit = kit;
    }

    void register(RouteTable table) {
        // SKELETON: the routes of this area go here
    }
}
