package io.switchboard.tck.errors;

import io.switchboard.OpenSessions;
import io.switchboard.Untracked;
import io.switchboard.tck.probe.ProbeCommands;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Reads what {@link ErrorLog} recorded: {@code log}, {@code count}, {@code reset}. Untracked itself. */
@Untracked
@ServerEndpoint("/errors-probe")
public class ErrorProbe {

    @Inject
    ErrorLog log;

    @Inject
    OpenSessions sessions;

    @OnMessage
    public String command(String command) {
        return ProbeCommands.counting(sessions)
                .lines("log", log)
                .reset(log::clear)
                .answer(command);
    }
}
