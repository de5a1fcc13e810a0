package io.switchboard.tck.transaction.feed;

import io.switchboard.Broadcaster;
import io.switchboard.RoomService;
import io.switchboard.Untracked;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Sends through the {@code afterCommit()} views from a WebSocket callback, where no transaction is active, and
 * answers with the stage's outcome. Untracked itself. Commands: {@code room:<room>:<text>} (a room broadcast),
 * {@code matching:<room>:<text>} (the broadcaster, to the sessions in the room).
 */
@Untracked
@ServerEndpoint("/feed-probe")
public class FeedProbe {

    @Inject
    RoomService rooms;

    @Inject
    Broadcaster broadcaster;

    @OnMessage
    public String command(String command) throws InterruptedException {
        String[] args = command.split(":", 3);
        return switch (args[0]) {
            case "room" -> StageOutcome.of(rooms.afterCommit().broadcast(args[1], args[2]), 10_000);
            case "matching" ->
                StageOutcome.of(
                        broadcaster.afterCommit().toMatching(s -> s.rooms().contains(args[1]), args[2]), 10_000);
            default -> "unknown command " + command;
        };
    }
}
