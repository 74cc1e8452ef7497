/**
 * The UserKit server (W5): a main class ({@link dev.userkit.server.ServerMain}) that opens a store
 * from configuration, builds the kit, bootstraps the root user and serves the HTTP edge in embedded
 * Jetty ({@link dev.userkit.server.web}); {@link dev.userkit.server.UserKitServer} owns the lifecycle.
 */
package dev.userkit.server;
