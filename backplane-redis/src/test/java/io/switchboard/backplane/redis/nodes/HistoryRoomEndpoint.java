package io.switchboard.backplane.redis.nodes;

import io.switchboard.Broadcaster;
import io.switchboard.DeliveryReport;
import io.switchboard.RecordedMessages;
import io.switchboard.Room;
import io.switchboard.RoomHistory;
import io.switchboard.RoomService;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A member of the room its path names, which keeps 5,000 broadcasts (in Redis, the backplane keeping history).
 * Commands:
 * <ul>
 *   <li>{@code say:<text>}: broadcasts {@code <position> <text>} ({@code broadcastWithPosition});</li>
 *   <li>{@code report:<text>}: the same, and answers {@code report:<position of the delivery report> <text>};</li>
 *   <li>{@code plain:<text>}: broadcasts the text as it is ({@code broadcast}: the engine gives it a position);</li>
 *   <li>{@code recovery}: answers {@code recovery:<OUTCOME>:<replayed>:<latest>}, or {@code recovery:none};</li>
 *   <li>{@code history}: answers {@code history:<latest>} and a line {@code <position>=<text>} for each broadcast
 *       kept, oldest first;</li>
 *   <li>{@code builds}: answers {@code builds:<n>}, how many messages this node built from a position, in every
 *       room: more than it broadcast where other nodes took a position first;</li>
 *   <li>{@code stream:<count>}: broadcasts {@code <position> m<i>} for i from 1 to count from a thread of the
 *       node's own, pausing a millisecond after each, and answers {@code streaming}.</li>
 * </ul>
 */
@ServerEndpoint("/history/{room}")
@Room("room")
@RoomHistory(size = 5000, ttl = "1m")
public class HistoryRoomEndpoint {

    private static final AtomicLong BUILDS = new AtomicLong();

    @Inject
    RoomService rooms;

    @Inject
    Broadcaster broadcaster;

    @OnMessage
    public String command(String text, Session session, @PathParam("room") String room) {
        int colon = text.indexOf(':');
        String command = colon < 0 ? text : text.substring(0, colon);
        String argument = colon < 0 ? "" : text.substring(colon + 1);
        switch (command) {
            case "say" -> say(room, argument);
            case "report" ->
                say(room, argument)
                        .thenAccept(report ->
                                broadcaster.toSession(session, "report:" + report.position() + " " + argument));
            case "plain" -> rooms.broadcast(room, argument);
            case "recovery" -> {
                return "recovery:"
                        + rooms.recovery(session, room)
                                .map(r -> r.outcome() + ":" + r.replayed() + ":" + r.latest())
                                .orElse("none");
            }
            case "history" -> {
                RecordedMessages read =
                        rooms.history(room, null).toCompletableFuture().join();
                return "history:" + read.latest()
                        + read.messages().stream()
                                .map(m -> "\n" + m.position() + "=" + m.content())
                                .collect(Collectors.joining());
            }
            case "builds" -> {
                return "builds:" + BUILDS.get();
            }
            case "stream" -> stream(room, Integer.parseInt(argument));
            default -> {
                return "unknown:" + command;
            }
        }
        return command.equals("stream") ? "streaming" : null;
    }

    private CompletionStage<DeliveryReport> say(String room, String text) {
        return rooms.broadcastWithPosition(room, position -> {
            BUILDS.incrementAndGet();
            return position + " " + text;
        });
    }

    private void stream(String room, int count) {
        Thread streamer = new Thread(
                () -> {
                    for (int i = 1; i <= count; i++) {
                        int index = i;
                        rooms.broadcastWithPosition(room, position -> position + " m" + index);
                        try {
                            Thread.sleep(1);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "history-stream-" + room);
        streamer.setDaemon(true);
        streamer.start();
    }
}
