package io.switchboard.bench.client;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Many connections that each send one message per interval, their sends spread evenly over the interval, all
 * paced by the calling thread. Each message is {@code h} followed by a {@link Payload} stamped when it is sent.
 */
public final class PacedSenders {

    private PacedSenders() {}

    /**
     * Sends until the duration is over.
     *
     * @param channels       the connections; those that have closed are skipped
     * @param round          the round, as in the payloads
     * @param intervalNanos  how often each connection sends
     * @param durationNanos  for how long
     * @param size           each message's length in bytes
     * @return how many messages were sent
     */
    public static long run(List<Channel> channels, int round, long intervalNanos, long durationNanos, int size) {
        long step = intervalNanos / channels.size();
        long start = System.nanoTime();
        long next = start;
        long sent = 0;
        for (long tick = 0; next - start < durationNanos; tick++, next = start + tick * step) {
            long wait = next - System.nanoTime();
            while (wait > 0) {
                LockSupport.parkNanos(wait);
                wait = next - System.nanoTime();
            }
            Channel channel = channels.get((int) (tick % channels.size()));
            if (channel.isActive()) {
                String text = "h" + Payload.compose(round, System.nanoTime(), size - 1);
                channel.writeAndFlush(
                        new TextWebSocketFrame(ByteBufUtil.writeAscii(channel.alloc(), text)), channel.voidPromise());
                sent++;
            }
        }
        return sent;
    }
}
