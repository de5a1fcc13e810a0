package io.switchboard.tck.reconnecting;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/** Where the {@code loop} client connects: echoes, and closes with 1012 (service restart) when told {@code restart}. */
@ServerEndpoint("/echo")
public class LoopEchoEndpoint {

    @OnMessage
    public String text(String text, Session session) throws IOException {
        if (text.equals("restart")) {
            session.close(new CloseReason(CloseReason.CloseCodes.SERVICE_RESTART, "restarting"));
            return null;
        }
        return "echo:" + text;
    }
}
