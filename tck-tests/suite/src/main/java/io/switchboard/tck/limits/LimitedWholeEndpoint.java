package io.switchboard.tck.limits;

import io.switchboard.MaxMessageSize;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;

/** Whole messages under endpoint-wide limits: answers {@code ok:<bytes>}. */
@ServerEndpoint("/limited/whole")
@MaxMessageSize(text = "1KiB", binary = "2KiB")
public class LimitedWholeEndpoint {

    @OnMessage
    public String text(String text) {
        return "ok:" + text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    @OnMessage
    public String binary(ByteBuffer bytes) {
        return "ok:" + bytes.remaining();
    }
}
