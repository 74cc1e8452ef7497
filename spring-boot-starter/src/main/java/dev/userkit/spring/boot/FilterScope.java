package dev.userkit.spring.boot;

/** Which paths UserKit's own CSRF and authorisation filters guard ({@code userkit.http.filter-scope}). */
public enum FilterScope {
    /** Every path: UserKit's filter denies by default, R4 guards the application's paths too (no Spring Security needed). */
    ALL,
    /**
     * Only UserKit's own routes (the API, the login routes, the API's description): the application's
     * paths are left to Spring Security's filter chain, e.g. with {@code UserKitAuthorizationManager}.
     */
    OWN_ROUTES
}
