/**
 * Switchboard's metrics: one set of names for every tracked endpoint, recorded through the
 * {@link io.switchboard.spi.MetricsBackend} the server offers (MicroProfile Metrics on Payara, Micrometer on
 * WildFly) or the application provides. Instruments are created once per endpoint and tag value and kept, so
 * recording is a field read and an add.
 */
package io.switchboard.impl.metrics;
