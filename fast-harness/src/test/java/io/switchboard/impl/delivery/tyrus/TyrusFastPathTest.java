package io.switchboard.impl.delivery.tyrus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.impl.delivery.Payload;
import io.switchboard.impl.delivery.SessionWriter;
import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.client.RawClient;
import io.switchboard.tck.client.TestClient;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Tyrus fast path is taken on Tyrus standalone, frames every length encoding right, and fails cleanly. */
class TyrusFastPathTest {

    /** Each boundary of the frame header's length encodings (7 bits, 16 bits, 64 bits), and around them. */
    private static final int[] SIZES = {0, 1, 125, 126, 127, 65535, 65536, 70000};

    /**
     * The sizes of a burst's messages, in turn: each header length around its boundaries, and frames on both sides
     * of the gathered write's bound (64 KiB), so gathered writes hold every header form and large frames go alone.
     */
    static final int[] BURST_SIZES = {0, 1, 125, 126, 127, 8000, 65535, 65536, 3};

    @RegisterExtension
    static FastServerExtension server = new FastServerExtension(FastServer.Mode.SWITCHBOARD, FastPathEndpoint.class)
            // Room for the interleaving test's 14 MB burst: the default bound (1 MiB) would close the session.
            .withConfig("switchboard.FastPathEndpoint.send-queue.max-bytes", "64MiB")
            .withConfig("switchboard.UngatheredEndpoint.send-queue.max-bytes", "64MiB")
            .withConfig("switchboard.UngatheredEndpoint.send-queue.gather-writes", "false");

    /** The i-th message of a burst: its number, then letters up to its size. */
    static String burstMessage(int i) {
        return i + ":" + ascii(BURST_SIZES[i % BURST_SIZES.length]);
    }

    static String ascii(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + i % 26));
        }
        return text.toString();
    }

    static String utf8(int repeats) {
        return "é€😀|".repeat(repeats); // 2 + 3 + 4 + 1 bytes for 5 chars
    }

    static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }

    private TestClient connect() {
        long sessions = TyrusFastPath.SESSIONS.sum();
        TestClient client = TestClient.connect(server.base().resolve("fast-path"));
        await().until(() -> TyrusFastPath.SESSIONS.sum() > sessions);
        return client;
    }

    @Test
    void textAndBinaryOfEveryHeaderLengthArriveIntactThroughTheFastPath() {
        FastPathEndpoint.OPENED.clear();
        try (TestClient client = connect()) {
            long writes = RawFrameWriter.WRITES.sum();
            for (int size : SIZES) {
                client.sendText("text:" + size);
                assertThat(client.nextText()).as("text of %d bytes", size).isEqualTo(ascii(size));
                client.sendText("binary:" + size);
                assertThat(client.nextBinary()).as("binary of %d bytes", size).isEqualTo(bytes(size));
            }
            for (int repeats : new int[] {1, 13, 6554, 7000}) {
                client.sendText("utf8:" + repeats);
                assertThat(client.nextText())
                        .as("multibyte text, %d repeats", repeats)
                        .isEqualTo(utf8(repeats));
            }
            // The writer counts a frame just after handing it to Tyrus, so the last count may trail its delivery.
            await().untilAsserted(() ->
                    assertThat(RawFrameWriter.WRITES.sum() - writes).isGreaterThanOrEqualTo(2L * SIZES.length + 4));
        }
    }

    /**
     * A client that stops reading makes the connection's writes wait (a 4 KiB receive buffer and about 20 MB
     * sent): the messages queued meanwhile then go in gathered writes, fewer writes than messages, and every frame
     * arrives whole and in order, each header form included.
     */
    @Test
    void aBurstToAReaderThatFellBehindGoesInGatheredWritesWholeAndInOrder() throws Exception {
        int count = 1000;
        long writes = RawFrameWriter.WRITES.sum();
        long gathered = RawFrameWriter.GATHERED.sum();
        readBurst("fast-path", count);
        long written = RawFrameWriter.WRITES.sum() - writes;
        assertThat(RawFrameWriter.GATHERED.sum() - gathered)
                .as("messages written in gathered writes")
                .isGreaterThan(count / 2);
        assertThat(written).as("writes for %d messages", count).isLessThan(count / 2);
    }

    @Test
    void withGatheredWritesOffEachMessageIsItsOwnWrite() throws Exception {
        int count = 300;
        long writes = RawFrameWriter.WRITES.sum();
        long gathered = RawFrameWriter.GATHERED.sum();
        readBurst("fast-path/ungathered", count);
        assertThat(RawFrameWriter.GATHERED.sum() - gathered).isZero();
        assertThat(RawFrameWriter.WRITES.sum() - writes).isEqualTo(count);
    }

    private static void readBurst(String path, int count) throws Exception {
        long sessions = TyrusFastPath.SESSIONS.sum();
        try (RawClient client = RawClient.upgradeWithReceiveBuffer(server.base().resolve(path), 4096)) {
            await().until(() -> TyrusFastPath.SESSIONS.sum() > sessions);
            client.sendText("burst:" + count);
            Thread.sleep(500); // not reading: the server's writes wait on the full socket
            for (int i = 0; i < count; i++) {
                RawClient.Frame frame = client.readFrame(10_000);
                // Plain checks: this runs for every frame.
                if (frame.opcode() != 1 || !frame.text().equals(burstMessage(i))) {
                    throw new AssertionError("frame " + i + " is opcode " + frame.opcode() + ", "
                            + frame.payload().length + " bytes, starting "
                            + frame.text()
                                    .substring(0, Math.min(12, frame.text().length())));
                }
            }
        }
        // The writer counts a write just after handing it to Tyrus, so the last count may trail its delivery.
        Thread.sleep(100);
    }

    @Test
    void switchboardAndTheUsersOwnSendsOnOneSessionNeverInterleave() {
        int count = 200;
        try (TestClient client = connect()) {
            client.sendText("mixed:" + count + ":70000");
            Map<String, Integer> next = new HashMap<>(Map.of("user", 0, "switchboard", 0));
            for (int i = 0; i < 2 * count; i++) {
                String message = client.nextText();
                String[] parts = message.split(":", 3);
                assertThat(parts[2]).isEqualTo(ascii(70000));
                // Each sender's messages arrive whole and in its own order, whatever the interleaving between them.
                assertThat(Integer.parseInt(parts[1])).isEqualTo(next.get(parts[0]));
                next.merge(parts[0], 1, Integer::sum);
            }
        }
    }

    @Test
    void aWriteToAClosedSessionFailsAndTellsTheHandlerOnce() throws Exception {
        FastPathEndpoint.OPENED.clear();
        SessionWriter writer;
        Session session;
        try (TestClient client = connect()) {
            session = FastPathEndpoint.OPENED.poll(10, TimeUnit.SECONDS);
            assertThat(session).isNotNull();
            writer = new TyrusFastPath().writerFor(session);
            assertThat(writer).isInstanceOf(RawFrameWriter.class);
            CompletableFuture<SendResult> ok = new CompletableFuture<>();
            writer.write(Payload.text("direct"), ok::complete);
            assertThat(ok.get(10, TimeUnit.SECONDS).isOK()).isTrue();
            assertThat(client.nextText()).isEqualTo("direct");
        }
        await().until(() -> !session.isOpen());
        int[] calls = new int[1];
        CompletableFuture<SendResult> failed = new CompletableFuture<>();
        writer.write(Payload.binary(ByteBuffer.wrap(bytes(10))), result -> {
            calls[0]++;
            failed.complete(result);
        });
        SendResult result = failed.get(10, TimeUnit.SECONDS);
        assertThat(result.isOK()).isFalse();
        assertThat(result.getException()).isNotNull();
        Thread.sleep(200);
        assertThat(calls[0]).isEqualTo(1);
    }

    /**
     * The container's own idle timeout (the application's {@code setMaxIdleTimeout}), not Switchboard's: Tyrus
     * reschedules its idle timer on the container's scheduler through Switchboard's stand-in, which skips the task
     * only while no timeout is set. Tyrus closes with 1006 and its own reason, and, as 1006 may not go on the wire,
     * sends 1000 with that reason ({@code ProtocolHandler.close}). Switchboard's own idle timeout (1001 "Idle
     * timeout") is another feature, tested with tracking. A raw client reads the frame itself, so the test sees the
     * bytes Tyrus sent, not a client library's report of them.
     */
    @Test
    void aContainerIdleTimeoutTheApplicationSetsStillClosesTheSession() throws Exception {
        long sessions = TyrusFastPath.SESSIONS.sum();
        try (RawClient client = RawClient.handshake(server.base().resolve("fast-path"), true)) {
            assertThat(client.status()).isEqualTo(101);
            await().until(() -> TyrusFastPath.SESSIONS.sum() > sessions);
            client.sendText("idle:500");
            RawClient.Frame close = client.readFrame(10_000);
            assertThat(close.opcode()).as("opcode of the server's first frame").isEqualTo(8);
            assertThat(close.closeCode()).isEqualTo(1000);
            // The quotes are Tyrus's: its localization.properties holds the message quoted.
            assertThat(close.closeReason())
                    .isEqualTo("\"Session closed by the container because of the idle timeout.\"");
        }
    }

    @Test
    void withoutAContainerIdleTimeoutTheSessionStaysOpen() throws Exception {
        try (TestClient client = connect()) {
            client.sendText("text:3");
            assertThat(client.nextText()).hasSize(3);
            Thread.sleep(1500);
            assertThat(client.isClosedByServer()).isFalse();
        }
    }
}
