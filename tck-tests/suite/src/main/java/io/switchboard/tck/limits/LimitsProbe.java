package io.switchboard.tck.limits;

import io.switchboard.OpenSessions;
import io.switchboard.Untracked;
import io.switchboard.tck.probe.ProbeCommands;
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
        return ProbeCommands.counting(sessions)
                .lines("closed", log)
                .reset(log::clear)
                .answer(command);
    }
}
