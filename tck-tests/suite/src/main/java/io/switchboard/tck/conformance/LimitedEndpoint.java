package io.switchboard.tck.conformance;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** {@code maxMessageSize}: a text message over 16 bytes closes the session with 1009. */
@ServerEndpoint("/limited")
public class LimitedEndpoint {

    @OnMessage(maxMessageSize = 16)
    public String message(String text) {
        Recorder.add("limited " + text.length());
        return "ok:" + text.length();
    }
}
