package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.client.runtime.ReconnectingClient;
import io.switchboard.impl.testing.FastServer;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A server that restarts (1012) every connection the moment it opens, a thousand times over, with a client whose
 * backoff is a millisecond: once the client is closed, its threads are gone and the process holds no more threads or
 * file descriptors than before.
 */
class ReleasesThreadsAndSocketsAfterManyReconnectsTest {
    static final int RECONNECTS = 1000;
    static final int WARM_UP = 30;

    @ServerEndpoint("/leak/restarting")
    public static class RestartingEndpoint {
        @OnOpen
        public void open(Session session) throws IOException {
            session.close(new CloseReason(CloseReason.CloseCodes.SERVICE_RESTART, "restarting"));
        }
    }

    /** Counts connections without keeping every change. */
    static final class OpenCounter implements ClientListener {
        final AtomicInteger opened = new AtomicInteger();

        @Override
        public void onStateChanged(ClientStateChanged change) {
            if (change.to() == ClientState.OPEN) {
                opened.incrementAndGet();
            }
        }
    }

    @Test
    void afterAThousandReconnectsAndCloseNothingIsLeftBehind() throws Exception {
        try (FastServer server = FastServer.start(FastServer.Mode.PLAIN, RestartingEndpoint.class)) {
            // The server's own pools grow to their working size first; the baseline is taken after.
            reconnect(server, "leak-warm-up", WARM_UP);
            awaitClientThreadsGone();
            Thread.sleep(1000);
            int threadsBefore = threads();
            Set<String> namesBefore = Set.copyOf(threadNames());
            long descriptorsBefore = descriptors();

            long start = System.nanoTime();
            reconnect(server, "leak", RECONNECTS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            awaitClientThreadsGone();
            await().atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> threads() <= threadsBefore + 3 && descriptors() <= descriptorsBefore + 5);
            System.out.printf(
                    "ReleasesThreadsAndSockets: %d reconnects in %d ms; threads %d -> %d, descriptors %d -> %d%n",
                    RECONNECTS, took.toMillis(), threadsBefore, threads(), descriptorsBefore, descriptors());
            List<String> added = threadNames();
            added.removeAll(namesBefore);
            assertThat(threads()).as("threads, new ones: %s", added).isLessThanOrEqualTo(threadsBefore + 3);
            assertThat(descriptors()).isLessThanOrEqualTo(descriptorsBefore + 5);
        }
    }

    private static void reconnect(FastServer server, String name, int times) {
        OpenCounter counter = new OpenCounter();
        ReconnectingClient client = ReconnectingClient.builder(
                        ClientOptions.builder(name, server.base().resolve("leak/restarting"))
                                .backoff(Duration.ofMillis(1), Duration.ofMillis(1), 1)
                                .build())
                .listener(counter)
                .open();
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> counter.opened.get() >= times);
        } finally {
            client.close();
        }
        assertThat(client.state()).isEqualTo(ClientState.CLOSED);
    }

    private static void awaitClientThreadsGone() {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(clientThreads()).isEmpty());
    }

    private static List<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("switchboard-client-"))
                .toList();
    }

    /** The live threads but the test's own helpers (Awaitility's poller, the common pool). */
    private static int threads() {
        return threadNames().size();
    }

    private static List<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> !name.startsWith("awaitility") && !name.startsWith("ForkJoinPool.commonPool"))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static long descriptors() throws IOException {
        try (Stream<Path> open = Files.list(Path.of("/proc/self/fd"))) {
            return open.count();
        }
    }
}
