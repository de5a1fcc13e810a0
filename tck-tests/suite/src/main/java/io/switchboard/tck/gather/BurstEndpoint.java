package io.switchboard.tck.gather;

import io.switchboard.Broadcaster;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * {@code burst:<count>}: sends that many numbered messages ({@link GatheredWriteScenarios#message(int)}) to the
 * session through Switchboard, back to back; {@code gathered}: answers {@code gathered <n>}, the messages that went
 * in gathered writes or batches in this deployment so far ({@link WriteCounters}).
 */
@ServerEndpoint("/burst")
public class BurstEndpoint {

    @Inject
    Broadcaster broadcaster;

    @OnMessage
    public void command(String command, Session session) {
        if (command.equals("gathered")) {
            broadcaster.toSession(session, "gathered " + WriteCounters.gathered());
            return;
        }
        int count = Integer.parseInt(command.substring("burst:".length()));
        for (int i = 0; i < count; i++) {
            broadcaster.toSession(session, GatheredWriteScenarios.message(i));
        }
    }
}
