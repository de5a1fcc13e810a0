package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The capacity part at its {@code quick} size on Tyrus standalone, in every build: a server of its own in a child JVM
 * (a smaller heap than a measuring run's), N plain, Switchboard and token-checked sessions through the fleet of light
 * connections. It checks that every round completed (every storm opened N sessions the server counted, every
 * broadcast reached all N, the churn rounds timed deliveries), not what the numbers are. It needs no root: quick N
 * fits the usual open-file limit, and where the limit cannot be raised the part scales N down instead of failing.
 */
class CapacityBenchTest {

    @Test
    void quickRunCompletesEveryRoundOnTyrus() throws Exception {
        BenchSettings quick = BenchSettings.parse(
                "quick", "capacityServers=tyrus", "capacityServerJvm=-Xms512m,-Xmx512m,-XX:+UseSerialGC");

        CapacityBench part = new CapacityBench(quick.capacity(), 1, Path.of("target", "bench-smoke", "capacity"));
        part.run();

        assertThat(part.problems()).isEmpty();
        assertThat(part.notes())
                .noneMatch(note -> note.contains("reached")
                        || note.contains("closed by the server")
                        || note.contains("lost I/O events"));
        assertThat(part.limits()).singleElement().satisfies(limits -> {
            assertThat(limits.server()).isEqualTo("Tyrus standalone");
            assertThat(limits.sessions()).isPositive();
            assertThat(limits.openFiles()).isGreaterThan(limits.sessions());
        });
        assertThat(part.results())
                .extracting(CapacityResult::measurement)
                .contains(
                        "connect storm: handshakes/s",
                        "connect storm with token check (RS256, Switchboard): handshakes/s",
                        "heap per idle session after GC, bytes",
                        "one broadcast to all: ms to the last delivery",
                        "broadcast 1/s under churn: p99 ms");
        assertThat(part.results())
                .filteredOn(r -> !r.measurement().startsWith("idle, no pings"))
                .allSatisfy(r -> {
                    assertThat(r.plain().median()).as(r.measurement()).isNotNaN();
                    assertThat(r.switchboard().median()).as(r.measurement()).isNotNaN();
                });
        assertThat(part.results())
                .filteredOn(r -> r.measurement().startsWith("one broadcast"))
                .allSatisfy(r -> assertThat(r.switchboard().values())
                        .hasSize(quick.capacity().broadcasts())
                        .doesNotContainNull());
        assertThat(CapacityTables.measurements(part.results())).contains("| Tyrus standalone ");
        assertThat(CapacityTables.limits(part.limits())).contains("| Tyrus standalone ");
    }
}
