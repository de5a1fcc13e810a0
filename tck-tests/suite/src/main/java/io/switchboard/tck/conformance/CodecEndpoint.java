package io.switchboard.tck.conformance;

import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/** A decoded message type in, an encoded return value out; decode failures reach {@code @OnError}. */
@ServerEndpoint(value = "/codec", decoders = PointDecoder.class, encoders = PointEncoder.class)
public class CodecEndpoint {

    @OnMessage
    public Point moved(Point point) {
        return new Point(point.x() + 1, point.y() + 1);
    }

    @OnError
    public void error(Session session, Throwable error) throws IOException {
        session.getBasicRemote().sendText("error:" + error.getClass().getSimpleName());
    }
}
