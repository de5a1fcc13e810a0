package io.switchboard.tck.security;

import io.switchboard.OpenSessions;
import io.switchboard.Untracked;
import io.switchboard.tck.probe.ProbeCommands;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Reads the server's side: {@code count} (tracked sessions), {@code opened} (protected {@code @OnOpen} calls). */
@Untracked
@ServerEndpoint("/security-probe")
public class SecurityProbe {

    @Inject
    OpenSessions sessions;

    @OnMessage
    public String command(String command) {
        return ProbeCommands.counting(sessions)
                .on("opened", SecurityLog.OPENED::get)
                .answer(command);
    }
}
