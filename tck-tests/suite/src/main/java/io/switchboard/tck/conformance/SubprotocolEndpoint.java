package io.switchboard.tck.conformance;

import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/** Subprotocol negotiation. */
@ServerEndpoint(
        value = "/subprotocol",
        subprotocols = {"v2.chat", "v1.chat"})
public class SubprotocolEndpoint {

    @OnOpen
    public void open(Session session) throws IOException {
        session.getBasicRemote().sendText("negotiated:" + session.getNegotiatedSubprotocol());
    }
}
