package dev.userkit.http;

import dev.userkit.UserKit;

/**
 * Assembles umpack's routes (seed 002) into one {@link RouteTable}, one area class per group:
 * authentication and sign-up ({@link AuthApiRoutes}), users ({@link UserApiRoutes}), password
 * resets ({@link ResetApiRoutes}), devices ({@link DeviceApiRoutes}), metadata
 * ({@link MetadataApiRoutes}), roles and their actions ({@link RoleApiRoutes}), and set-up
 * ({@link SetupApiRoutes}: initialization, token check), and signed access tokens
 * ({@link TokenApiRoutes}: token, JWKS; S9).
 */
final class UmpackRoutes {
    private UmpackRoutes() {}

    static RouteTable table(UserKit kit, HttpSettings settings) {
        RouteTable table = new RouteTable();
        new AuthApiRoutes(kit).register(table);
        new UserApiRoutes(kit).register(table);
        new ResetApiRoutes(kit).register(table);
        new DeviceApiRoutes(kit).register(table);
        new MetadataApiRoutes(kit).register(table);
        new RoleApiRoutes(kit).register(table);
        new SetupApiRoutes(kit, settings).register(table);
        new TokenApiRoutes(kit, settings).register(table);
        return table;
    }
}
