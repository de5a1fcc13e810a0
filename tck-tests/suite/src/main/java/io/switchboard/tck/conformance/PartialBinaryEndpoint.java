package io.switchboard.tck.conformance;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Partial binary messages as {@code byte[]}: answers the number of parts and bytes. */
@ServerEndpoint("/partial-binary")
public class PartialBinaryEndpoint {

    private int parts;
    private int bytes;

    @OnMessage
    public String part(boolean last, byte[] part) {
        parts++;
        bytes += part.length;
        if (!last) {
            return null;
        }
        String answer = parts + ":" + bytes;
        parts = 0;
        bytes = 0;
        return answer;
    }
}
