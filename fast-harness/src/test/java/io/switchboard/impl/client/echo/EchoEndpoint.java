package io.switchboard.impl.client.echo;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/**
 * The far end for the injected client: echoes text with a prefix, so that an echo is told from a send, and closes
 * with 1012 (service restart) when told {@code restart}.
 */
@ServerEndpoint("/echo")
public class EchoEndpoint {

    @OnMessage
    public String echo(String text, Session session) throws IOException {
        if (text.equals("restart")) {
            session.close(new CloseReason(CloseReason.CloseCodes.SERVICE_RESTART, "restarting"));
            return null;
        }
        return "echo:" + text;
    }
}
