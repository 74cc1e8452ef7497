/**
 * Micrometer metrics for UserKit (W6): {@link dev.userkit.micrometer.UserKitMetrics}, an
 * {@link dev.userkit.hooks.Instrumentation} that keeps counters, timers and gauges on a
 * {@code MeterRegistry}. Core never depends on Micrometer; only this module does.
 */
package dev.userkit.micrometer;
