package io.switchboard.tck.spelling;

import io.switchboard.OpenSessions;
import io.switchboard.Untracked;
import io.switchboard.tck.probe.ProbeCommands;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Reads the server's side: {@code guarded} (opens of guarded endpoints), {@code open} (opens of open ones),
 * {@code count} (tracked sessions).
 */
@Untracked
@ServerEndpoint("/spelling-probe")
public class SpellingProbe {

    @Inject
    OpenSessions sessions;

    @OnMessage
    public String command(String command) {
        return ProbeCommands.counting(sessions)
                .on("guarded", SpellingLog.GUARDED_OPENS::get)
                .on("open", SpellingLog.OPEN_OPENS::get)
                .answer(command);
    }
}
