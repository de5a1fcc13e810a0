/**
 * MicroProfile Health for Switchboard: a readiness check and a liveness check, both named {@code switchboard}, added
 * by {@link io.switchboard.impl.health.HealthExtension} only where MicroProfile Health's API is there and
 * {@code switchboard.health.enabled} is not {@code false}. What they decide is decided by small pure classes
 * ({@link io.switchboard.impl.health.ReadinessVerdict}, {@link io.switchboard.impl.health.SweeperVerdict}) from facts
 * {@link io.switchboard.impl.health.HealthReports} gathers; only the two checks and the class that adds them
 * ({@code HealthChecks}) name MicroProfile Health's types.
 */
package io.switchboard.impl.health;
