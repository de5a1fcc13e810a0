package io.switchboard.bench.server;

import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A plain endpoint's own heartbeat, the JSR 356 way, at an interval the load generator chooses: one scheduled task
 * pings every session of a room of {@link Subscribers} with {@code getAsyncRemote().sendPing} every interval (the
 * first ping one interval after the start). What a ping-based heartbeat costs on the container without Switchboard;
 * {@link IdlePlainPingingEndpoint} is the same at a fixed 10 s.
 */
public final class CapacityPinger {

    /** Pings sent since the server started. */
    static final LongAdder SENT = new LongAdder();
    /** Pings that could not be sent. */
    static final LongAdder FAILED = new LongAdder();
    /** Pongs {@link CapacityPlainEndpoint} received. */
    static final LongAdder PONGS = new LongAdder();

    private static ScheduledExecutorService executor;
    private static ScheduledFuture<?> task;

    private CapacityPinger() {}

    /**
     * Pings a room's sessions every {@code seconds} from now on, instead of what it pinged before; 0 stops.
     *
     * @return {@code pinging <room> <seconds>}
     */
    static synchronized String start(String room, long seconds) {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        if (seconds > 0) {
            if (executor == null) {
                executor = Executors.newSingleThreadScheduledExecutor(run -> {
                    Thread thread = new Thread(run, "bench-capacity-pinger");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            task = executor.scheduleAtFixedRate(() -> pingAll(room), seconds, seconds, TimeUnit.SECONDS);
        }
        return "pinging " + room + " " + seconds;
    }

    /** {@code cap-pings <sent> <failed> <pongs>}. */
    static String counters() {
        return "cap-pings " + SENT.sum() + " " + FAILED.sum() + " " + PONGS.sum();
    }

    private static void pingAll(String room) {
        long stamp = System.nanoTime();
        for (Session session : Subscribers.of(room)) {
            try {
                session.getAsyncRemote()
                        .sendPing(ByteBuffer.allocate(Long.BYTES).putLong(0, stamp));
                SENT.increment();
            } catch (IOException | RuntimeException e) {
                FAILED.increment();
            }
        }
    }
}
