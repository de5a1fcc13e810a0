package io.switchboard.tck.limits;

import io.switchboard.MaxMessageSize;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/** Streamed messages under endpoint-wide limits: answers {@code ok:<chars or bytes>}. */
@ServerEndpoint("/limited/stream")
@MaxMessageSize(text = "1KiB", binary = "2KiB")
public class LimitedStreamEndpoint {

    @OnMessage
    public String text(Reader reader) throws IOException {
        long chars = 0;
        while (reader.read() >= 0) {
            chars++;
        }
        return "ok:" + chars;
    }

    @OnMessage
    public String binary(InputStream in) throws IOException {
        return "ok:" + in.readAllBytes().length;
    }
}
