package io.switchboard.client;

import static io.switchboard.client.Clients.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.client.SendRefusedException.Reason;
import io.switchboard.client.runtime.ReconnectingClient;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A server that is not there, so everything sent waits: beyond {@code buffer.messages} or {@code buffer.bytes} a send
 * fails at once with {@link Reason#BUFFER_FULL}, and what was accepted stays accepted.
 */
class BufferFullRefusesSendsTest {

    private static ReconnectingClient disconnected(String name, int messages, long bytes) throws Exception {
        URI nowhere = URI.create("ws://127.0.0.1:" + Clients.closedPort() + "/nothing");
        return Clients.open(
                ClientOptions.builder(name, nowhere)
                        .backoff(Duration.ofSeconds(10), Duration.ofSeconds(10), 1)
                        .buffer(messages, bytes, BufferPolicy.BUFFER)
                        .build(),
                new ClientProbe());
    }

    @Test
    void beyondTheMessageBoundASendIsRefused() throws Exception {
        try (ReconnectingClient client = disconnected("by-count", 3, 1024)) {
            CompletableFuture<Void> first = client.sendText("1");
            client.sendText("2");
            client.sendBinary(ByteBuffer.wrap(new byte[] {3}));
            assertRefused(client.sendText("4"), Reason.BUFFER_FULL);
            assertRefused(client.sendBinary(ByteBuffer.wrap(new byte[] {5})), Reason.BUFFER_FULL);
            assertThat(client.buffered()).isEqualTo(3);
            assertThat(first).isNotDone();
        }
    }

    @Test
    void beyondTheByteBoundASendIsRefusedCountingTextAsUtf8() throws Exception {
        try (ReconnectingClient client = disconnected("by-bytes", 100, 10)) {
            client.sendText("12345678");
            // Two characters, four bytes in UTF-8: 12 > 10.
            assertRefused(client.sendText("éé"), Reason.BUFFER_FULL);
            assertRefused(client.sendBinary(ByteBuffer.allocate(3)), Reason.BUFFER_FULL);
            CompletableFuture<Void> fits = client.sendBinary(ByteBuffer.allocate(2));
            assertThat(fits).isNotDone();
            assertThat(client.bufferedBytes()).isEqualTo(10);
            assertRefused(client.sendText("x"), Reason.BUFFER_FULL);
            assertThat(client.buffered()).isEqualTo(2);
        }
    }
}
