package io.switchboard.samples.chat;

import io.switchboard.Broadcaster;
import io.switchboard.Room;
import io.switchboard.RoomService;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * A chat room per path: every text message a member sends goes to the other members of the same room, and a
 * newcomer first gets the room's recent messages.
 *
 * <p>{@code @Room("room")} puts each session in the room named by the path; {@link RoomService#broadcast} sends
 * through each member's bounded send queue, so a member whose connection stalls holds up nobody and is closed
 * (1013) once its queue is full. {@link ChatHistory} is {@code @RoomScoped}: one per room, gone with the room's
 * last member.
 */
@ServerEndpoint("/chat/{room}")
@Room("room")
public class ChatEndpoint {

    @Inject
    RoomService rooms;

    @Inject
    Broadcaster broadcaster;

    @Inject
    ChatHistory history;

    @OnOpen
    public void onOpen(Session session) {
        history.recent().forEach(line -> broadcaster.toSession(session, line));
    }

    @OnMessage
    public void onMessage(String text, Session session, @PathParam("room") String room) {
        history.add(text);
        rooms.broadcastExcept(room, text, session);
    }
}
