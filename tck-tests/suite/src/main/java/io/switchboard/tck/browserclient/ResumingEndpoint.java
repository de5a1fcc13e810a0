package io.switchboard.tck.browserclient;

import io.switchboard.Broadcaster;
import io.switchboard.RecordedMessages;
import io.switchboard.Room;
import io.switchboard.RoomHistory;
import io.switchboard.RoomPosition;
import io.switchboard.RoomRecovery;
import io.switchboard.RoomService;
import jakarta.inject.Inject;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.util.stream.Collectors;

/**
 * The room the browser page ({@code browserclient/resume.html}, through {@code switchboard.js}) follows: broadcasts
 * are {@code <position> <text>} ({@link StreamControl} makes them), and a client that reconnects naming its last
 * position gets what it missed first.
 *
 * <p>On every open the session first gets {@code open|<outcome>|<replayed>|<latest>|<token>}: how its resume went
 * ({@link RoomRecovery}) and the token its handshake offered after the {@code switchboard.bearer} marker (empty for
 * none; see {@link TokenRecorder}). When history did not cover the gap (the first join, or a position of an epoch the
 * server no longer knows, after a redeploy), a fresh state follows, as the {@link RoomRecovery} Javadoc advises:
 * {@code state|<latest>|<text>|<text>...}, every broadcast of the room's history up to and including {@code latest},
 * oldest first. Broadcasts after {@code latest} reach the session live, possibly ahead of that state: the page
 * merges them by position. Neither starts with a position, so the page's {@code positionOf} finds none in them.
 */
@ServerEndpoint(value = "/browser-client/{room}", configurator = TokenRecorder.class)
@Room("room")
@RoomHistory(size = 10000, maxBytes = "4MiB", ttl = "10m")
public class ResumingEndpoint {

    @Inject
    RoomService rooms;

    @Inject
    Broadcaster broadcaster;

    @OnOpen
    public void open(Session session, @PathParam("room") String room) {
        RoomRecovery recovery = rooms.recovery(session, room).orElseThrow();
        Object token = session.getUserProperties().getOrDefault(TokenRecorder.TOKEN, "");
        broadcaster.toSession(
                session,
                "open|" + recovery.outcome() + "|" + recovery.replayed() + "|" + recovery.latest() + "|" + token);
        if (!recovery.recovered()) {
            broadcaster.toSession(session, freshState(room, recovery.latest()));
        }
    }

    /** The room's history up to {@code latest}: what a client that cannot resume must be given instead. */
    private String freshState(String room, RoomPosition latest) {
        RecordedMessages kept = rooms.history(room, null).toCompletableFuture().join();
        return "state|" + latest
                + kept.messages().stream()
                        .filter(message -> message.position().epoch().equals(latest.epoch())
                                && message.position().offset() <= latest.offset())
                        .map(message -> "|" + message.text())
                        .collect(Collectors.joining());
    }
}
