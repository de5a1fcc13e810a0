package io.switchboard.tck.limits;

import io.switchboard.OpenSessions;
import io.switchboard.Untracked;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Reads how sessions ended: {@code closed}, {@code count}, {@code reset}. Untracked itself. */
@Untracked
@ServerEndpoint("/limits-probe")
public class LimitsProbe {

    @Inject
    ClosedLog log;

    @Inject
    OpenSessions sessions;

    @OnMessage
    public String command(String command) {
        return switch (command) {
            case "closed" -> String.join("\n", log.lines());
            case "count" -> String.valueOf(sessions.count());
            case "reset" -> {
                log.clear();
                yield "ok";
            }
            default -> "unknown:" + command;
        };
    }
}
