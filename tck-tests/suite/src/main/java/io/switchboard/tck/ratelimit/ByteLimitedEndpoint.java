package io.switchboard.tck.ratelimit;

import io.switchboard.RateLimit;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;

/** Answers the size of what it gets; more than 1 KiB per 10 seconds closes the session. */
@ServerEndpoint("/bytes")
@RateLimit(bytes = "1KiB", per = "10s")
public class ByteLimitedEndpoint {

    @OnMessage
    public String size(ByteBuffer bytes) {
        return "got:" + bytes.remaining();
    }
}
