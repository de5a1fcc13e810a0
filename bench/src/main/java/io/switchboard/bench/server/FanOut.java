package io.switchboard.bench.server;

import io.switchboard.DeliveryReport;
import io.switchboard.RoomPosition;
import io.switchboard.RoomService;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The three ways the benchmark sends one message to every subscriber of a room. */
public final class FanOut {

    /** Messages fanned out (whatever the mode), for the load generator to see that the server caught up. */
    static final AtomicLong PROCESSED = new AtomicLong();
    /** Sends that failed (plain modes), or recipients a broadcast dropped or failed (Switchboard). */
    static final LongAdder FAILED = new LongAdder();

    private static volatile RoomService rooms;

    private FanOut() {}

    /**
     * Sends to every session, one blocking {@code getBasicRemote().sendText} after the other.
     *
     * @param room the room
     * @param text the message
     */
    static void basic(String room, String text) {
        for (Session session : Subscribers.of(room)) {
            try {
                session.getBasicRemote().sendText(text);
            } catch (IOException | RuntimeException e) {
                FAILED.increment();
            }
        }
    }

    /**
     * Starts an asynchronous send to every session, without any bound on what may wait.
     *
     * @param room the room
     * @param text the message
     */
    static void async(String room, String text) {
        for (Session session : Subscribers.of(room)) {
            try {
                session.getAsyncRemote().sendText(text);
            } catch (RuntimeException e) {
                FAILED.increment();
            }
        }
    }

    /**
     * Hands the message to {@link RoomService#broadcast(String, Object)}.
     *
     * @param room the room
     * @param text the message
     * @return whether Switchboard's room service is available in this deployment
     */
    static boolean switchboard(String room, String text) {
        RoomService service = roomService();
        if (service == null) {
            return false;
        }
        service.broadcast(room, text).thenAccept(FanOut::count);
        return true;
    }

    /**
     * Hands the message to {@link RoomService#broadcastWithPosition}, the position written into its last characters
     * ({@link #withPosition}), as an application whose clients resume does.
     *
     * @param room the room
     * @param text the message
     * @return whether Switchboard's room service is available in this deployment
     */
    static boolean history(String room, String text) {
        RoomService service = roomService();
        if (service == null) {
            return false;
        }
        service.broadcastWithPosition(room, position -> withPosition(text, position))
                .thenAccept(FanOut::count);
        return true;
    }

    /**
     * The message with its position written over the end of its padding, so that it keeps its length where the
     * padding is long enough: {@code <round>,<nanos>,xxx...x,<epoch>:<offset>} (the load generator reads the round
     * and the stamp from the front, the position after the last comma). Without a position (a room without
     * history) it ends with a comma.
     *
     * @param text     {@code <round>,<nanos>,} and padding
     * @param position the broadcast's position, or {@code null}
     * @return the message to send
     */
    public static String withPosition(String text, RoomPosition position) {
        String written = position == null ? "" : position.toString();
        int header = text.indexOf(',', text.indexOf(',') + 1) + 1;
        int keep = Math.max(header, text.length() - written.length() - 1);
        return text.substring(0, Math.min(keep, text.length())) + "," + written;
    }

    private static void count(DeliveryReport report) {
        int lost = report.dropped() + report.failed();
        if (lost > 0) {
            FAILED.add(lost);
        }
    }

    /** Switchboard's room service, or {@code null} where the deployment has no implementation of it. */
    static RoomService roomService() {
        RoomService service = rooms;
        if (service == null) {
            Instance<RoomService> candidates = CDI.current().select(RoomService.class);
            if (!candidates.isResolvable()) {
                return null;
            }
            service = candidates.get();
            rooms = service;
        }
        return service;
    }
}
