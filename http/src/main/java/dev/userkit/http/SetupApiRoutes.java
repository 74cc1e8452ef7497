package dev.userkit.http;

import dev.userkit.UserKit;

/** umpack's routes: POST /initialization, HEAD /authorization. SKELETON: routes to be added. */
final class SetupApiRoutes {
    private final UserKit kit;
    private final HttpSettings settings;

    SetupApiRoutes(UserKit kit, HttpSettings settings) {
        this.kit = kit;
        this.settings = settings;
    }

    void register(RouteTable table) {
        // SKELETON: the routes of this area go here
    }
}
