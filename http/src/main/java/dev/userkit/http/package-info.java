/**
 * UserKit's HTTP edge on the Jakarta Servlet 6 API: {@link dev.userkit.http.UserKitHttp} mounts
 * the authentication, CORS, CSRF and authorisation filters and the login routes in any Servlet 6
 * container; {@link dev.userkit.http.RequestAttributes} is how the application reads the session,
 * the user and the client context the filters found.
 */
package dev.userkit.http;
