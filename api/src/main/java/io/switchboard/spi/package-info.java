/**
 * What an integrator may replace. {@link io.switchboard.spi.MetricsBackend} records Switchboard's metrics: a CDI
 * bean of that type in the application wins over the backends Switchboard finds on the server (MicroProfile
 * Metrics, Micrometer).
 */
package io.switchboard.spi;
