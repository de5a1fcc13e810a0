/**
 * Switchboard's benchmark: a load generator in its own JVM that starts each server under test as a child
 * process, fans messages out to many WebSocket subscribers in three interleaved modes, and prints markdown
 * tables. {@link io.switchboard.bench.BenchMain} runs it; see {@code bench/README.md}.
 */
package io.switchboard.bench;
