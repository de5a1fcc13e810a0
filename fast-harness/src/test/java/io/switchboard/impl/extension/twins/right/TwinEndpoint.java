package io.switchboard.impl.extension.twins.right;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** One of two endpoint classes named TwinEndpoint: with neither given an id, they share their default id. */
@ServerEndpoint("/twin-right")
public class TwinEndpoint {

    @OnMessage
    public String echo(String text) {
        return "right:" + text;
    }
}
