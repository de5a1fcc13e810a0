package io.switchboard.bench.client;

import io.netty.buffer.ByteBuf;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the healthy members of one flood room received in one round: the healthy clients' messages ({@code h}
 * followed by a {@link Payload}), each one's latency (receive {@code nanoTime} minus the sender's, in microseconds),
 * the flooder's messages ({@code f...}), and how many of the connections ended. One instance listens on every
 * healthy connection of the round.
 */
public final class RoomTraffic implements TextListener {

    private final int round;
    private final AtomicLong healthy = new AtomicLong();
    private final LongAdder flood = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final LongAdder closed = new LongAdder();
    private final Recorder latencies = new Recorder(3);

    /** @param round the round's number, as in the payloads */
    public RoomTraffic(int round) {
        this.round = round;
    }

    /** The healthy clients' messages received so far, over all healthy connections. */
    public long healthy() {
        return healthy.get();
    }

    /** The flooder's messages received so far, over all healthy connections. */
    public long flood() {
        return flood.sum();
    }

    /** Messages of another round (none expected: each round has its own room). */
    public long stale() {
        return stale.sum();
    }

    /** Healthy connections that have ended so far. */
    public long closed() {
        return closed.sum();
    }

    /** The latencies of the healthy messages recorded since the last call, in microseconds. */
    public Histogram latencies() {
        return latencies.getIntervalHistogram();
    }

    @Override
    public void onText(ByteBuf content) {
        long now = System.nanoTime();
        int start = content.readerIndex();
        byte kind = content.getByte(start);
        if (Payload.number(content, start + 1) != round) {
            stale.increment();
        } else if (kind == 'h') {
            long sent = Payload.number(content, Payload.afterComma(content, start));
            latencies.recordValue(Math.max(1, (now - sent) / 1000));
            healthy.incrementAndGet();
        } else {
            flood.increment();
        }
    }

    @Override
    public void onClosed(int code) {
        closed.increment();
    }
}
