package io.switchboard.tck.tracking;

import io.switchboard.IdleTimeout;
import io.switchboard.Room;
import jakarta.annotation.PreDestroy;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An endpoint whose {@code @OnClose} takes longer than Switchboard's close grace (5 s), so that the sweeper's forced
 * end meets it still running; Switchboard closes its sessions itself after one second without a message. Records
 * the steps of each ending in {@link #ENDINGS} (with {@link EndingLog}'s events), in the order they happen.
 */
@Room("room")
@IdleTimeout("1s")
@ServerEndpoint("/slow-close/{room}")
public class SlowCloseEndpoint {

    /** How long {@code @OnClose} takes, unless {@link #hold} says otherwise or {@link #release()} ends it earlier. */
    public static final long ON_CLOSE_MILLIS = 7_000;

    /** Every ending's steps, in order; static, so it outlives the application in a shutdown test. */
    public static final ConcurrentLinkedQueue<String> ENDINGS = new ConcurrentLinkedQueue<>();

    private static volatile CountDownLatch release = new CountDownLatch(1);
    private static volatile long holdMillis = ON_CLOSE_MILLIS;

    /** The steps recorded so far. */
    public static List<String> endings() {
        return List.copyOf(ENDINGS);
    }

    /** Forgets the steps recorded; the next {@code @OnClose} takes {@link #ON_CLOSE_MILLIS} again. */
    public static void reset() {
        ENDINGS.clear();
        release = new CountDownLatch(1);
        holdMillis = ON_CLOSE_MILLIS;
    }

    /**
     * Makes the next {@code @OnClose} take up to this long (until {@link #release()}), in tests that run in the
     * server's JVM.
     *
     * @param millis the longest time
     */
    public static void hold(long millis) {
        holdMillis = millis;
    }

    /** Lets a {@code @OnClose} that is waiting return now. */
    public static void release() {
        release.countDown();
    }

    @OnMessage
    public String echo(String text) {
        return "slow-close:" + text;
    }

    @OnClose
    public void closed() throws InterruptedException {
        ENDINGS.add("onClose start");
        try {
            release.await(holdMillis, TimeUnit.MILLISECONDS);
        } finally {
            ENDINGS.add("onClose end");
        }
    }

    @PreDestroy
    void destroyed() {
        ENDINGS.add("preDestroy");
    }
}
