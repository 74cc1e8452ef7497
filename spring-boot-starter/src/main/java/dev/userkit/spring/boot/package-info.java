/**
 * The Spring Boot auto-configuration of UserKit (W6): {@code userkit.*} properties onto
 * {@link dev.userkit.UserKitConfig}, a store, the services as beans, the HTTP edge's filters and
 * API, a health indicator and the background work. A driving adapter: it calls core's services and
 * never a store's classes beyond opening one through its module's public face.
 */
package dev.userkit.spring.boot;
