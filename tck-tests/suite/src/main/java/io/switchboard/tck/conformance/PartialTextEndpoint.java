package io.switchboard.tck.conformance;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Partial text messages: counts the parts and answers when the last one arrives. */
@ServerEndpoint("/partial-text")
public class PartialTextEndpoint {

    private final StringBuilder received = new StringBuilder();
    private int parts;

    @OnMessage
    public String part(String part, boolean last) {
        received.append(part);
        parts++;
        if (!last) {
            return null;
        }
        String answer = parts + ":" + received;
        received.setLength(0);
        parts = 0;
        return answer;
    }
}
