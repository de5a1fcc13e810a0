package io.switchboard.tck.ratelimit;

import io.switchboard.OpenSessions;
import io.switchboard.Untracked;
import io.switchboard.tck.probe.ProbeCommands;
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
        return ProbeCommands.counting(sessions)
                .lines("log", log)
                .on("decoded", CountingOrderDecoder.DECODED::get)
                .reset(log::clear, () -> CappedEndpoint.OPENED.set(0), () -> CountingOrderDecoder.DECODED.set(0))
                .answer(command);
    }
}
