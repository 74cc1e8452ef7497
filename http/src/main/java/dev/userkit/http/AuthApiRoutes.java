package dev.userkit.http;

import dev.userkit.UserKit;

/** umpack's routes: POST /login, /signup, /resetpass. SKELETON: routes to be added. */
final class AuthApiRoutes {
    private final UserKit kit;
    private final HttpSettings settings;

    AuthApiRoutes(UserKit kit, HttpSettings settings) {
        this.kit = kit;
        this.settings = settings;
    }

    void register(RouteTable table) {
        // SKELETON: the routes of this area go here
    }
}
