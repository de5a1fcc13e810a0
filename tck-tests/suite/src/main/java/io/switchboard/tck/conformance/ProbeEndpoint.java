package io.switchboard.tck.conformance;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Reads {@link Recorder} back: {@code events} lists what was recorded, {@code reset} clears it. */
@ServerEndpoint("/probe")
public class ProbeEndpoint {

    @OnMessage
    public String command(String command) {
        return switch (command) {
            case "events" -> String.join(",", Recorder.events());
            case "reset" -> {
                Recorder.clear();
                yield "ok";
            }
            default -> "unknown:" + command;
        };
    }
}
