package io.switchboard.tck.conformance;

import jakarta.websocket.OnMessage;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Text, binary and pong messages, with return values. */
@ServerEndpoint("/echo")
public class EchoEndpoint {

    @OnMessage
    public String text(String text) {
        return "echo:" + text;
    }

    @OnMessage
    public ByteBuffer binary(ByteBuffer bytes) {
        byte[] reversed = new byte[bytes.remaining()];
        for (int i = reversed.length - 1; i >= 0; i--) {
            reversed[i] = bytes.get();
        }
        return ByteBuffer.wrap(reversed);
    }

    @OnMessage
    public void pong(PongMessage pong, Session session) throws IOException {
        ByteBuffer data = pong.getApplicationData();
        byte[] payload = new byte[data.remaining()];
        data.get(payload);
        session.getBasicRemote().sendText("pong:" + new String(payload, StandardCharsets.UTF_8));
    }
}
