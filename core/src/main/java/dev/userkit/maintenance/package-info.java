/**
 * Scheduled maintenance (W6, REL-9): {@link dev.userkit.maintenance.Maintenance} purges expired
 * sessions, unverified accounts, expired codes, ended counters and old outbox rows in bounded
 * batches, on one instance of a cluster at a time.
 */
package dev.userkit.maintenance;
