package io.switchboard.tck.tracking;

import io.switchboard.OpenSessions;
import io.switchboard.SessionInfo;
import io.switchboard.Untracked;
import io.switchboard.tck.probe.ProbeCommands;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * Reads Switchboard's state from inside the deployment. Untracked itself, so it never counts in what it reports.
 * Commands: {@code count}, {@code open} (how many the container reports open), {@code sessions},
 * {@code events}, {@code endings} (see {@link SlowCloseEndpoint}), {@code echoed} (see {@link EchoedCloseLog}),
 * {@code reset}, {@code heap}, and {@code close:<room>:<code>}, which closes every open session of
 * {@link QuietEndpoint} in that room with that code through its {@code Session}, as application code would, and
 * answers {@code closed:<how many>}.
 */
@Untracked
@ServerEndpoint("/tracking-probe")
public class TrackingProbe {

    @Inject
    OpenSessions sessions;

    @Inject
    EventLog log;

    @Inject
    EchoedCloseLog echoed;

    @OnMessage
    public String command(String command) throws IOException {
        if (command.startsWith("close:")) {
            String[] parts = command.split(":");
            CloseReason reason = new CloseReason(
                    CloseReason.CloseCodes.getCloseCode(Integer.parseInt(parts[2])), "closed by the application");
            int closed = 0;
            for (SessionInfo session : sessions.stream()
                    .filter(s -> s.endpointId().equals("QuietEndpoint")
                            && parts[1].equals(s.pathParameters().get("room")))
                    .toList()) {
                session.session().close(reason);
                closed++;
            }
            return "closed:" + closed;
        }
        return ProbeCommands.counting(sessions)
                .on(
                        "sessions",
                        () -> sessions.stream().map(this::describe).sorted().collect(Collectors.joining("\n")))
                .lines("events", log)
                .lines("echoed", echoed)
                .on("endings", () -> String.join("\n", SlowCloseEndpoint.endings()))
                .reset(log::clear, echoed::clear, SlowCloseEndpoint::reset)
                .on("heap", TrackingProbe::usedHeapAfterGc)
                .on(
                        "open",
                        () -> sessions.stream()
                                .filter(s -> s.session().isOpen())
                                .count())
                .answer(command);
    }

    private String describe(SessionInfo session) {
        return session.endpointId() + "|" + session.requestPath() + "|" + session.state() + "|"
                + session.pathParameters() + "|"
                + session.remoteAddress().map(a -> "remote=" + a).orElse("no-remote") + "|"
                + (session.lastActivity().isBefore(session.openedAt()) ? "activity-before-open" : "activity-ok") + "|"
                + (sessions.findBySessionId(session.id()).isPresent() ? "findable" : "lost") + "|"
                + session.lastHeartbeatRoundTrip().map(rtt -> "rtt").orElse("no-rtt");
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
