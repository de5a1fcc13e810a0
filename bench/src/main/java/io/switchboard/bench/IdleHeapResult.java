package io.switchboard.bench;

import io.switchboard.bench.report.Spread;

/**
 * One row of the idle-heap table.
 *
 * @param server         the server's name
 * @param endpoint       {@code plain (@Untracked)} or {@code tracked by Switchboard}
 * @param connections    idle connections held open
 * @param bytesPerConnection the server's heap after GC with them open minus without, per connection
 */
public record IdleHeapResult(String server, String endpoint, int connections, Spread bytesPerConnection) {}
