package io.switchboard.tck.transaction.feed;

import io.switchboard.Room;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * A client's feed of orders: it joins the room its path names and only listens. Any text it sends is answered with
 * the text and the room, so a client knows it has joined.
 */
@ServerEndpoint("/orders/{room}")
@Room("room")
public class OrderFeedEndpoint {

    @OnMessage
    public String ask(String text, @PathParam("room") String room) {
        return text + ":" + room;
    }
}
