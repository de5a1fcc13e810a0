package io.switchboard.impl.delivery.tyrus;

import io.switchboard.Broadcaster;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/** {@link FastPathEndpoint}'s commands at an endpoint whose configuration turns gathered writes off. */
@ServerEndpoint("/fast-path/ungathered")
public class UngatheredEndpoint {

    @Inject
    Broadcaster broadcaster;

    @OnMessage
    public void command(String command, Session session) {
        FastPathEndpoint.run(command, session, broadcaster);
    }
}
