package io.switchboard.tck.conformance;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/** Closes on request with its own code and reason; records the reason of every close in {@code @OnClose}. */
@ServerEndpoint("/close")
public class CloseEndpoint {

    @OnMessage
    public void message(String text, Session session) throws IOException {
        if (text.equals("close-me")) {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4001), "bye"));
        }
    }

    @OnClose
    public void closed(CloseReason reason) {
        Recorder.add("closed " + reason.getCloseCode().getCode() + " " + reason.getReasonPhrase());
    }
}
