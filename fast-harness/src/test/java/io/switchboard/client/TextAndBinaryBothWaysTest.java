package io.switchboard.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.client.runtime.ReconnectingClient;
import io.switchboard.impl.testing.FastServer;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Text and binary messages go both ways, unchanged, each as its own kind. */
class TextAndBinaryBothWaysTest {

    @ServerEndpoint("/both/echo")
    public static class EchoEndpoint {
        static final List<String> KINDS = new CopyOnWriteArrayList<>();

        @OnMessage
        public String text(String text) {
            KINDS.add("text");
            return "text:" + text;
        }

        @OnMessage
        public ByteBuffer binary(ByteBuffer bytes) {
            KINDS.add("binary");
            ByteBuffer reply = ByteBuffer.allocate(bytes.remaining() + 1);
            return reply.put((byte) 0x7f).put(bytes).flip();
        }
    }

    @Test
    void bothKindsArriveAsSentAndComeBackAsTheirOwnKind() throws Exception {
        EchoEndpoint.KINDS.clear();
        ClientProbe probe = new ClientProbe();
        try (FastServer server = FastServer.start(FastServer.Mode.PLAIN, EchoEndpoint.class);
                ReconnectingClient client = Clients.open(
                        Clients.quick("both", server.base().resolve("both/echo"))
                                .build(),
                        probe)) {
            client.sendText("héllo ✓");
            ByteBuffer bytes = ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff});
            bytes.position(1);
            client.sendBinary(bytes);
            // The client copied what remained: changing the caller's buffer now changes nothing.
            bytes.put(1, (byte) 9);
            await().atMost(Duration.ofSeconds(10)).until(() -> probe.texts.size() == 1 && probe.binaries.size() == 1);

            assertThat(probe.texts).containsExactly("text:héllo ✓");
            assertThat(probe.binaries.get(0)).containsExactly(0x7f, 1, 2, 0xff);
            assertThat(EchoEndpoint.KINDS).containsExactly("text", "binary");
        }
    }
}
