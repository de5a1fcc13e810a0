/**
 * Switchboard's MicroProfile Config keys and their strict parsing: {@link io.switchboard.impl.config.SwitchboardConfig}
 * resolves a per-endpoint setting (the endpoint's key, then its annotation, then the {@code default} key) and reads
 * the deployment-wide keys.
 *
 * <p>Settings live with the code that reads them from configuration. This package reads, and so holds, the settings
 * made of plain values that several features use (liveness, send queues, message sizes). A feature whose settings are
 * built from its own types reads them itself through this package's resolver and keeps them: {@code impl.limit}
 * (rate limits hold its buckets' rates), {@code impl.security} (access rules, keys). So this package depends on no
 * other package of Switchboard's, and every feature may depend on it.
 */
package io.switchboard.impl.config;
