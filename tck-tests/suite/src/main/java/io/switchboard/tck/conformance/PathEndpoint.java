package io.switchboard.tck.conformance;

import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/** {@code @PathParam} of String and primitive types; a primitive text message and return value. */
@ServerEndpoint("/path/{name}/{number}/{flag}")
public class PathEndpoint {

    @OnOpen
    public void open(
            Session session,
            @PathParam("name") String name,
            @PathParam("number") int number,
            @PathParam("flag") boolean flag)
            throws IOException {
        session.getBasicRemote().sendText(name + "|" + (number + 1) + "|" + !flag);
    }

    @OnMessage
    public long doubled(int value, @PathParam("number") Integer number) {
        return 2L * value + number;
    }

    @OnError
    public void error(Throwable error, Session session) throws IOException {
        session.getBasicRemote().sendText("error:" + error.getClass().getSimpleName());
    }
}
