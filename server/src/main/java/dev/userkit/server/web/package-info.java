/**
 * The server's web layer, a driving adapter: embedded Jetty, health routes, the access log. It
 * calls core's services only, never a store.
 */
package dev.userkit.server.web;
