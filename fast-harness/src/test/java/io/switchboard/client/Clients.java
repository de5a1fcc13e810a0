package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.client.runtime.ReconnectingClient;
import io.switchboard.impl.testing.FastServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Settings and helpers the client tests share. */
final class Clients {
    private Clients() {}

    /** Options with short backoff and connect timeout, so that tests wait for milliseconds rather than seconds. */
    static ClientOptions.Builder quick(String name, URI uri) {
        return ClientOptions.builder(name, uri)
                .connectTimeout(Duration.ofSeconds(2))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(200), 2);
    }

    /** Opens a client with a probe listening. */
    static ReconnectingClient open(ClientOptions options, ClientProbe probe) {
        return ReconnectingClient.builder(options).listener(probe).open();
    }

    /**
     * Starts a server again on the port of one that stopped. The port went back to the ephemeral range when the
     * server closed, so another socket on the machine may hold it for a moment: the bind is retried for a while.
     */
    static FastServer restart(int port, Class<?> endpoints) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return FastServer.start(FastServer.Mode.PLAIN, port, endpoints);
            } catch (BindException taken) {
                if (System.nanoTime() > deadline) {
                    throw taken;
                }
                Thread.sleep(100);
            }
        }
    }

    /** A port of 127.0.0.1 where nothing listens (it was free a moment ago). */
    static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Asserts that a send was refused at once, for this reason. */
    static void assertRefused(CompletableFuture<Void> send, SendRefusedException.Reason reason) {
        assertThat(send)
                .isCompletedExceptionally()
                .failsWithin(Duration.ZERO)
                .withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(
                        SendRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(reason));
    }
}
