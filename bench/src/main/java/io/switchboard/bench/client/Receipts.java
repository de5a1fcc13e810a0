package io.switchboard.bench.client;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What a {@link ConnectionFleet}'s connections received while these receipts were the fleet's: text messages whose
 * first bytes are {@code <round>,<nanos>,} (the publisher's {@code System.nanoTime()}; one clock on one machine).
 * Messages of the expected round are counted, with the latest arrival and, when timing, each one's latency in
 * microseconds; others are counted apart.
 */
public final class Receipts {

    /** Any round: every message is counted and timed (a run of rounds). */
    public static final int ANY_ROUND = -1;

    private final int round;
    private final boolean timing;
    private final LongAdder counted = new LongAdder();
    private final LongAdder others = new LongAdder();
    private final AtomicLong lastArrival = new AtomicLong(Long.MIN_VALUE);
    private final Recorder latencies = new Recorder(3);

    /**
     * @param round  the round whose messages count, or {@link #ANY_ROUND}
     * @param timing whether to record each message's latency
     */
    public Receipts(int round, boolean timing) {
        this.round = round;
        this.timing = timing;
    }

    void record(byte[] first, int length) {
        long now = System.nanoTime();
        int comma = indexOf(first, length, 0);
        int second = comma < 0 ? -1 : indexOf(first, length, comma + 1);
        if (second < 0) {
            others.increment();
            return;
        }
        long messageRound = parse(first, 0, comma);
        if (round != ANY_ROUND && messageRound != round) {
            others.increment();
            return;
        }
        counted.increment();
        lastArrival.accumulateAndGet(now, Math::max);
        if (timing) {
            long stamp = parse(first, comma + 1, second);
            latencies.recordValue(Math.max(0, (now - stamp) / 1000));
        }
    }

    /** Messages of the round received so far. */
    public long counted() {
        return counted.sum();
    }

    /** Messages of other rounds (or unreadable ones). */
    public long others() {
        return others.sum();
    }

    /** The {@code nanoTime} of the latest arrival of the round, {@link Long#MIN_VALUE} if none. */
    public long lastArrival() {
        return lastArrival.get();
    }

    /** The latencies recorded since the last call, in microseconds. */
    public Histogram latencies() {
        return latencies.getIntervalHistogram();
    }

    private static int indexOf(byte[] bytes, int length, int from) {
        for (int i = from; i < length; i++) {
            if (bytes[i] == ',') {
                return i;
            }
        }
        return -1;
    }

    private static long parse(byte[] bytes, int from, int to) {
        long value = 0;
        boolean negative = from < to && bytes[from] == '-';
        for (int i = negative ? from + 1 : from; i < to; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return negative ? -value : value;
    }
}
