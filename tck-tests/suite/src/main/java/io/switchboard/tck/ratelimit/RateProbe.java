package io.switchboard.tck.ratelimit;

import io.switchboard.OpenSessions;
import io.switchboard.Untracked;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Reads what {@link RateLog} recorded: {@code log}, {@code count}, {@code reset}. Untracked itself. */
@Untracked
@ServerEndpoint("/rate-probe")
public class RateProbe {

    @Inject
    RateLog log;

    @Inject
    OpenSessions sessions;

    @OnMessage
    public String command(String command) {
        return switch (command) {
            case "log" -> String.join("\n", log.lines());
            case "count" -> String.valueOf(sessions.count());
            case "decoded" -> String.valueOf(CountingOrderDecoder.DECODED.get());
            case "reset" -> {
                log.clear();
                CappedEndpoint.OPENED.set(0);
                CountingOrderDecoder.DECODED.set(0);
                yield "ok";
            }
            default -> "unknown:" + command;
        };
    }
}
