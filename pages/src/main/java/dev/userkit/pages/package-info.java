/**
 * Server-rendered pages for people (W5): sign up, verify, log in, recovery, my account and admin,
 * mounted beside the HTTP edge with {@link dev.userkit.pages.UserKitPages}; and a local inbox
 * ({@link dev.userkit.pages.InboxMailer}) reachable only from loopback, for running without SMTP.
 */
package dev.userkit.pages;
