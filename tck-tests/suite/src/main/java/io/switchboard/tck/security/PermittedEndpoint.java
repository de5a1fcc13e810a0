package io.switchboard.tck.security;

import jakarta.annotation.security.PermitAll;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Everyone, declared. */
@ServerEndpoint("/secure/permitted")
@PermitAll
public class PermittedEndpoint {

    @OnMessage
    public String echo(String text) {
        return "permitted:" + text;
    }
}
