package io.switchboard.bench.server;

import io.switchboard.Untracked;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * An idle connection left to the container ({@link Untracked}) that the endpoint pings itself, the plain JSR 356
 * way: one scheduled task pings every open session with {@code getAsyncRemote().sendPing} every 10 seconds, and a
 * {@link PongMessage} handler receives the answers. What any ping-based heartbeat costs on the container, without
 * Switchboard.
 */
@ServerEndpoint("/bench/idle/plain-pinging")
@Untracked
public class IdlePlainPingingEndpoint {

    /** Pings sent since the start. */
    static final LongAdder PINGS = new LongAdder();
    /** Pings that could not be sent. */
    static final LongAdder FAILED = new LongAdder();
    /** Pongs received. */
    static final LongAdder PONGS = new LongAdder();

    private static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();
    private static volatile ScheduledExecutorService pinger;

    @OnOpen
    public void open(Session session) {
        SESSIONS.add(session);
        startPinging();
    }

    @OnClose
    public void close(Session session) {
        SESSIONS.remove(session);
    }

    @OnMessage
    public void pong(PongMessage pong) {
        PONGS.increment();
    }

    @OnMessage
    public void ignore(String text) {
        // idle connections send nothing but pongs
    }

    /** {@code pings <sent> <failed> <pongs>}. */
    static String counters() {
        return "pings " + PINGS.sum() + " " + FAILED.sum() + " " + PONGS.sum();
    }

    private static void startPinging() {
        if (pinger != null) {
            return;
        }
        synchronized (IdlePlainPingingEndpoint.class) {
            if (pinger == null) {
                ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "bench-plain-pinger");
                    thread.setDaemon(true);
                    return thread;
                });
                started.scheduleAtFixedRate(IdlePlainPingingEndpoint::pingAll, 10, 10, TimeUnit.SECONDS);
                pinger = started;
            }
        }
    }

    private static void pingAll() {
        long stamp = System.nanoTime();
        for (Session session : SESSIONS) {
            try {
                session.getAsyncRemote()
                        .sendPing(ByteBuffer.allocate(Long.BYTES).putLong(0, stamp));
                PINGS.increment();
            } catch (IOException | RuntimeException e) {
                FAILED.increment();
            }
        }
    }
}
