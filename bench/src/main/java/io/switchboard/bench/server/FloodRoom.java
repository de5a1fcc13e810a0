package io.switchboard.bench.server;

import io.switchboard.DeliveryReport;
import io.switchboard.RoomService;
import jakarta.websocket.CloseReason;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the flood endpoints do with a message: count it and broadcast it to the room, the sender included. A
 * healthy client's message starts with {@code h}, the flooder's with {@code f}; the counts let the load generator
 * see what the rate limit let through.
 */
final class FloodRoom {

    /** Healthy clients' messages that reached the endpoint. */
    static final LongAdder HEALTHY = new LongAdder();
    /** The flooder's messages that reached the endpoint (the rest were dropped or never read). */
    static final LongAdder FLOOD = new LongAdder();
    /** Recipients a broadcast dropped or failed. */
    static final LongAdder LOST = new LongAdder();
    /** Sessions closed with 1008 (rate limit exceeded). */
    static final LongAdder CLOSED_1008 = new LongAdder();

    private FloodRoom() {}

    static void handle(String room, String text) {
        if (text.startsWith("f")) {
            FLOOD.increment();
        } else {
            HEALTHY.increment();
        }
        RoomService rooms = FanOut.roomService();
        if (rooms != null) {
            rooms.broadcast(room, text).thenAccept(FloodRoom::count);
        }
    }

    static void closed(CloseReason reason) {
        if (reason.getCloseCode().getCode() == CloseReason.CloseCodes.VIOLATED_POLICY.getCode()) {
            CLOSED_1008.increment();
        }
    }

    private static void count(DeliveryReport report) {
        int lost = report.dropped() + report.failed();
        if (lost > 0) {
            LOST.add(lost);
        }
    }

    /** {@code flood <healthy> <flood> <rate-limited events> <lost> <closed 1008>}, all counts since the start. */
    static String counters() {
        return "flood " + HEALTHY.sum() + " " + FLOOD.sum() + " " + RateLimitedCounter.COUNT.sum() + " " + LOST.sum()
                + " " + CLOSED_1008.sum();
    }
}
