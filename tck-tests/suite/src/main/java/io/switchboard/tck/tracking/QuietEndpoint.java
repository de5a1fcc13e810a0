package io.switchboard.tck.tracking;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/** Takes no {@code Session} anywhere, yet is tracked. */
@ServerEndpoint("/quiet/{room}")
public class QuietEndpoint {

    @OnMessage
    public String echo(String text, @PathParam("room") String room) {
        return room + ":" + text;
    }
}
