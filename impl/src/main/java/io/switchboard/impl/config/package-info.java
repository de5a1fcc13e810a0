/**
 * Switchboard's MicroProfile Config keys and their strict parsing: {@link io.switchboard.impl.config.Settings} is a
 * typed reader over a MicroProfile {@code Config} that resolves a per-endpoint setting (the endpoint's key, then its
 * annotation, then the {@code default} key, then the built-in default) and reads the deployment-wide keys;
 * {@link io.switchboard.impl.config.Parsers} holds the parsing rules (booleans, durations, sizes, counts, lists,
 * enums). Nothing else in Switchboard calls MicroProfile Config.
 *
 * <p>Settings live with the code that reads them from configuration. This package reads, and so holds, the settings
 * made of plain values that several features use (liveness, send queues, message sizes). A feature whose settings are
 * built from its own types reads them itself through {@code Settings} and keeps them: {@code impl.limit} (rate limits
 * hold its buckets' rates), {@code impl.security} (access rules, keys). So this package depends on no
 * other package of Switchboard's, and every feature may depend on it.
 */
package io.switchboard.impl.config;
