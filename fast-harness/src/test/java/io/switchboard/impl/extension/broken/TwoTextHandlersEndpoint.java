package io.switchboard.impl.extension.broken;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Invalid: two methods for text messages. */
@ServerEndpoint("/broken")
public class TwoTextHandlersEndpoint {

    @OnMessage
    public void first(String text) {}

    @OnMessage
    public void second(java.io.Reader text) {}
}
