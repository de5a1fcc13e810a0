package io.switchboard.bench.client;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The publisher's connection to {@code /bench/pub/<room>}: each message it sends makes the server fan one
 * payload out to the room's subscribers in one mode. Counts what it sent, so the server's progress can be
 * compared.
 */
public final class Publisher {

    private final Channel channel;
    private long sent;

    /** @param channel an open connection to the publisher endpoint */
    public Publisher(Channel channel) {
        this.channel = channel;
    }

    /** The connection, to close it. */
    public Channel channel() {
        return channel;
    }

    /** Messages sent so far on this connection. */
    public long sent() {
        return sent;
    }

    /**
     * Sends {@code count} messages as fast as the connection takes them.
     *
     * @param mode  the mode's character
     * @param round the round
     * @param count how many
     * @param size  the payload size in bytes
     */
    public void burst(char mode, int round, int count, int size) {
        for (int i = 0; i < count; i++) {
            send(mode, round, size, i == count - 1);
            if ((i & 63) == 63) {
                channel.flush();
            }
        }
        channel.flush();
    }

    /**
     * Sends at a fixed rate for a while, one message at each tick, each stamped when sent.
     *
     * @param mode        the mode's character
     * @param round       the round
     * @param perSecond   messages per second
     * @param durationNanos for how long
     * @param size        the payload size in bytes
     * @return how many it sent
     */
    public int paced(char mode, int round, double perSecond, long durationNanos, int size) {
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
        long start = System.nanoTime();
        long next = start;
        int count = 0;
        while (next - start < durationNanos) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            send(mode, round, size, true);
            count++;
            next += interval;
        }
        return count;
    }

    private void send(char mode, int round, int size, boolean flush) {
        String text = mode + Payload.compose(round, System.nanoTime(), size);
        TextWebSocketFrame frame = new TextWebSocketFrame(ByteBufUtil.writeAscii(channel.alloc(), text));
        if (flush) {
            channel.writeAndFlush(frame, channel.voidPromise());
        } else {
            channel.write(frame, channel.voidPromise());
        }
        sent++;
    }
}
