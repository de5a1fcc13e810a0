package io.switchboard.tck.limits;

import io.switchboard.MaxMessageSize;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Partial messages under endpoint-wide limits: answers {@code ok:<bytes>} after the last part. */
@ServerEndpoint("/limited/partial")
@MaxMessageSize(text = "1KiB", binary = "2KiB")
public class LimitedPartialEndpoint {

    private long text;
    private long binary;

    @OnMessage
    public String text(String part, boolean last) {
        text += part.getBytes(StandardCharsets.UTF_8).length;
        if (!last) {
            return null;
        }
        long total = text;
        text = 0;
        return "ok:" + total;
    }

    @OnMessage
    public String binary(ByteBuffer part, boolean last) {
        binary += part.remaining();
        if (!last) {
            return null;
        }
        long total = binary;
        binary = 0;
        return "ok:" + total;
    }
}
