package io.switchboard.tck.conformance;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Reads {@link Recorder} back: {@code events} lists what was recorded, {@code reset} clears it;
 * {@code switchboard} says whether Switchboard's implementation is in the deployment.
 */
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
            case "switchboard" -> switchboardInDeployment() ? "present" : "absent";
            default -> "unknown:" + command;
        };
    }

    private static boolean switchboardInDeployment() {
        try {
            Class.forName("io.switchboard.impl.extension.SwitchboardInitializer", false,
                    Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
