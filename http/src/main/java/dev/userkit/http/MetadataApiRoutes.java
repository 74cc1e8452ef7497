package dev.userkit.http;

import dev.userkit.UserKit;

/** umpack's routes: GET and PUT /metadata, PUT /metadata/{fieldName}. SKELETON: routes to be added. */
final class MetadataApiRoutes {
    private final UserKit kit;

    MetadataApiRoutes(UserKit kit) {
        this.kit = kit;
    }

    void register(RouteTable table) {
        // SKELETON: the routes of this area go here
    }
}
