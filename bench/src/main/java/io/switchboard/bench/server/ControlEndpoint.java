package io.switchboard.bench.server;

import io.switchboard.RoomService;
import io.switchboard.Untracked;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.lang.management.ManagementFactory;

/**
 * Answers the load generator's questions, one text reply per request, left to the container
 * ({@link Untracked}):
 * <ul>
 *     <li>{@code gc}: collects garbage (twice) and answers {@code heap <used bytes>};</li>
 *     <li>{@code heap}: {@code heap <used bytes>} without collecting;</li>
 *     <li>{@code status <room>}: {@code status <own subscribers> <room members or -1> <messages processed>
 *     <failed sends>};</li>
 *     <li>{@code flood}: the flood rooms' counters ({@code flood <healthy> <flood> <rate-limited events> <lost>
 *     <closed 1008>});</li>
 *     <li>{@code inbound}: {@code inbound <messages handled by the inbound endpoints>};</li>
 *     <li>{@code pings}: the plain pinging endpoint's {@code pings <sent> <failed> <pongs>};</li>
 *     <li>{@code writes}: the fast paths' {@code writes <writes> <messages in gathered writes>} so far
 *     ({@link FastPathWrites}), or {@code writes none};</li>
 *     <li>{@code metrics}: {@code metrics} and the Prometheus lines of Switchboard's message counters, one a line,
 *     where the server holds its registry itself ({@link MetricsScrape}), else {@code metrics none};</li>
 *     <li>{@code spans}: {@code spans} and the span exporter's counts ({@link SpanCount}), where the server holds
 *     its exporter itself, else {@code spans none};</li>
 *     <li>{@code cap-ping <room> <seconds>}: {@link CapacityPinger} pings the room's sessions every so many seconds
 *     from now on (0 stops), and answers {@code pinging <room> <seconds>};</li>
 *     <li>{@code cap-pings}: {@code cap-pings <sent> <failed> <pongs>} of {@link CapacityPinger};</li>
 *     <li>{@code resume}: the resume scenarios' counters ({@link Resume#counters()});</li>
 *     <li>{@code resume-drop}: closes every session of {@code ResumeEndpoint} with 1012 and answers
 *     {@code dropped <n>}.</li>
 * </ul>
 */
@ServerEndpoint("/bench/control")
@Untracked
public class ControlEndpoint {

    @OnMessage
    public String ask(String request) {
        String[] words = request.split(" ");
        return switch (words[0]) {
            case "gc" -> {
                System.gc();
                System.gc();
                yield "heap " + usedHeap();
            }
            case "heap" -> "heap " + usedHeap();
            case "status" ->
                "status " + Subscribers.of(words[1]).size() + " " + members(words[1]) + " " + FanOut.PROCESSED.get()
                        + " " + FanOut.FAILED.sum();
            case "flood" -> FloodRoom.counters();
            case "inbound" -> "inbound " + Inbound.HANDLED.sum();
            case "writes" -> FastPathWrites.answer();
            case "pings" -> IdlePlainPingingEndpoint.counters();
            case "metrics" -> MetricsScrape.answer();
            case "spans" -> SpanCount.answer();
            case "cap-ping" -> CapacityPinger.start(words[1], Long.parseLong(words[2]));
            case "cap-pings" -> CapacityPinger.counters();
            case "resume" -> Resume.counters();
            case "resume-drop" -> Resume.dropAll();
            default -> "error unknown request " + words[0];
        };
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static int members(String room) {
        RoomService rooms = FanOut.roomService();
        if (rooms == null) {
            return -1;
        }
        try {
            return rooms.members(room).size();
        } catch (RuntimeException notImplemented) {
            return -1;
        }
    }
}
