package io.switchboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client part at its {@code quick} size, in every build: one Tyrus server of its own in a child JVM (a smaller
 * heap than a measuring run's), both clients both ways at both sizes, and the reconnect storm. It checks that every
 * round completed (a round that loses a message or a connection fails the part), not what the numbers are.
 */
class ClientBenchTest {

    @Test
    void quickRunMeasuresBothClientsEveryWay() throws Exception {
        BenchSettings quick = BenchSettings.parse("quick", "serverJvm=-Xms256m,-Xmx256m,-XX:+UseSerialGC");

        ClientBench part = new ClientBench(quick, Path.of("target", "bench-smoke", "client"));
        List<ClientResult> results = part.run();

        assertThat(part.problems()).isEmpty();
        assertThat(results)
                .extracting(r -> r.scenario() + " " + r.size() + " "
                        + r.client().substring(0, r.client().indexOf(':')))
                .containsExactly(
                        "send 64 A",
                        "send 64 B",
                        "send 64 B′",
                        "send 4096 A",
                        "send 4096 B",
                        "send 4096 B′",
                        "receive 64 A",
                        "receive 64 B",
                        "receive 4096 A",
                        "receive 4096 B",
                        "send, no I/O 64 A",
                        "send, no I/O 64 B",
                        "send, no I/O 4096 A",
                        "send, no I/O 4096 B",
                        "receive, no I/O 64 A",
                        "receive, no I/O 64 B",
                        "receive, no I/O 4096 A",
                        "receive, no I/O 4096 B",
                        "reconnect storm 0 A",
                        "reconnect storm 0 B");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.rate().median()).isPositive();
            assertThat(r.cpu().values()).hasSize(quick.clientCycles());
            assertThat(r.cpuRatios()).hasSize(r.client().startsWith("A") ? 0 : quick.clientCycles());
        });
        assertThat(Tables.client(results, false)).containsPattern("\\| receive 4 KiB +\\| B: ReconnectingClient");
        assertThat(Tables.client(results, true))
                .containsPattern("\\| reconnect storm +\\| B: ReconnectingClient, backoff 1 ms");
        assertThat(Tables.clientOverhead(results)).contains("| send 4 KiB ", "| receive 64 B ");
    }
}
