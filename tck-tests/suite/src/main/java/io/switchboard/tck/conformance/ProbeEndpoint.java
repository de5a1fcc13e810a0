package io.switchboard.tck.conformance;

import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Reads {@link Recorder} back: {@code events} lists what was recorded, {@code reset} clears it;
 * {@code switchboard} says whether Switchboard's implementation is in the deployment; {@code container} names
 * the WebSocket implementation ({@code tyrus} or {@code undertow}).
 */
@ServerEndpoint("/probe")
public class ProbeEndpoint {

    @OnMessage
    public String command(String command, Session session) {
        return switch (command) {
            case "events" -> String.join(",", Recorder.events());
            case "reset" -> {
                Recorder.clear();
                yield "ok";
            }
            case "container" -> session.getClass().getName().contains("undertow") ? "undertow" : "tyrus";
            case "switchboard" -> switchboardInDeployment() ? "present" : "absent";
            default -> "unknown:" + command;
        };
    }

    private static boolean switchboardInDeployment() {
        try {
            Class.forName(
                    "io.switchboard.impl.extension.SwitchboardInitializer",
                    false,
                    Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
