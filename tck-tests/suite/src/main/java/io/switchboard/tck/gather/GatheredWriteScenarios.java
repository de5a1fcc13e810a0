package io.switchboard.tck.gather;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.tck.client.RawClient;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading makes the connection's writes wait (a 4 KiB receive buffer and about 20 MB sent): the
 * messages queued meanwhile go out together, and every frame still arrives whole and in order, each header form
 * included, frames above the 64 KiB bound of a gathered write alone.
 */
public abstract class GatheredWriteScenarios {

    /** The configuration the deployment needs: room in the send queue for the whole burst. */
    public static final String CONFIG = "switchboard.BurstEndpoint.send-queue.max-bytes=64MiB\n";

    /** The sizes of a burst's messages, in turn: each header length around its boundaries, and both sides of 64 KiB. */
    private static final int[] SIZES = {0, 1, 125, 126, 127, 8000, 65535, 65536, 3};

    private static final int COUNT = 1000;

    /** The WebSocket base URI of the deployment, ending in {@code /}. */
    protected abstract URI base();

    /** The i-th message of a burst: its number, then letters up to its size. */
    static String message(int i) {
        int size = SIZES[i % SIZES.length];
        StringBuilder text = new StringBuilder(size + 6).append(i).append(':');
        for (int c = 0; c < size; c++) {
            text.append((char) ('a' + c % 26));
        }
        return text.toString();
    }

    @Test
    void aBurstToAReaderThatFellBehindGoesOutTogetherWholeAndInOrder() throws Exception {
        try (RawClient client = RawClient.upgradeWithReceiveBuffer(base().resolve("burst"), 4096)) {
            client.sendText("gathered");
            long before = Long.parseLong(client.readFrame(10_000).text().substring("gathered ".length()));
            client.sendText("burst:" + COUNT);
            Thread.sleep(500); // not reading: the server's writes wait on the full socket
            for (int i = 0; i < COUNT; i++) {
                RawClient.Frame frame = client.readFrame(10_000);
                // Plain checks: this runs for every frame.
                if (frame.opcode() != 1 || !frame.text().equals(message(i))) {
                    throw new AssertionError("frame " + i + " is opcode " + frame.opcode() + ", "
                            + frame.payload().length + " bytes, starting "
                            + frame.text()
                                    .substring(0, Math.min(12, frame.text().length())));
                }
            }
            client.sendText("gathered");
            long after = Long.parseLong(client.readFrame(10_000).text().substring("gathered ".length()));
            // Without gathering none would be. Not most: a large frame goes alone, and Payara's servlet writer keeps
            // frames in a queue of its own while the socket is full, so fewer wait in Switchboard's (one run: 239 of
            // 1,000 on Payara, over 500 on WildFly and Tyrus standalone).
            assertThat(after - before)
                    .as("messages of the burst written together")
                    .isGreaterThan(COUNT / 10);
        }
    }
}
