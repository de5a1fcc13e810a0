package io.switchboard.tck.health;

import io.switchboard.Room;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Joins the room its path names and echoes: sessions and rooms for the readiness check to count. */
@ServerEndpoint("/health-room/{room}")
@Room("room")
public class HealthRoomEndpoint {

    @OnMessage
    public String echo(String text) {
        return text;
    }
}
