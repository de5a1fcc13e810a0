package io.switchboard.bench.server;

import io.switchboard.RoomPosition;
import io.switchboard.RoomService;
import io.switchboard.Untracked;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The resume scenarios' publisher, left to the container ({@link Untracked}): each text message is broadcast to the
 * room with {@code RoomService.broadcastWithPosition}, the position written into it ({@link FanOut#withPosition}),
 * and the position it got is sent back ({@code at <epoch>:<offset>}), so that the load generator knows what every
 * client must have received to be caught up. Messages of one connection are handled one after the other.
 */
@ServerEndpoint("/bench/resume-pub/{room}")
@Untracked
public class ResumePublisherEndpoint {

    @OnMessage
    public void publish(String text, Session session, @PathParam("room") String room) {
        RoomService rooms = FanOut.roomService();
        if (rooms == null) {
            FanOut.FAILED.increment();
            return;
        }
        // The factory may be called again when the position it was given is taken (a backplane's history); the
        // last call's position is the broadcast's. It has been recorded once broadcastWithPosition returns.
        RoomPosition[] at = new RoomPosition[1];
        rooms.broadcastWithPosition(room, position -> {
            at[0] = position;
            return FanOut.withPosition(text, position);
        });
        if (at[0] != null) {
            session.getAsyncRemote().sendText("at " + at[0]);
        }
        FanOut.PROCESSED.incrementAndGet();
    }
}
