/**
 * Spring Security adapters over UserKit (W6): an {@code AuthenticationProvider} backed by UserKit's
 * login, an {@code AuthenticationConverter} and filter that turn the UserKit session or signed access
 * token a request presents into an {@code Authentication} with the user's roles, an
 * {@code AuthorizationManager} delegating to R4, and {@link dev.userkit.spring.security.UserKitSecurityConfigurer},
 * which installs them in an application's {@code SecurityFilterChain}.
 */
package dev.userkit.spring.security;
