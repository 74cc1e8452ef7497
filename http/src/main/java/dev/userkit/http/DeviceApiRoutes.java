package dev.userkit.http;

import dev.userkit.UserKit;

/** umpack's routes: the four device routes under /users/{userName}/devices. SKELETON: routes to be added. */
final class DeviceApiRoutes {
    private final UserKit kit;

    DeviceApiRoutes(UserKit kit) {
        this.kit = kit;
    }

    void register(RouteTable table) {
        // SKELETON: the routes of this area go here
    }
}
