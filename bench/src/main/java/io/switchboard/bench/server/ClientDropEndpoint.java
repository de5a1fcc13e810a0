package io.switchboard.bench.server;

import io.switchboard.Untracked;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/**
 * The reconnect storm of the client part ({@code parts=client}): closes every connection with 1012 (service
 * restart) as soon as it opens, which a {@code ReconnectingSocket} answers by reconnecting soon. Left to the
 * container ({@link Untracked}).
 */
@ServerEndpoint("/bench/client/drop")
@Untracked
public class ClientDropEndpoint {

    private static final CloseReason RESTART = new CloseReason(CloseReason.CloseCodes.SERVICE_RESTART, "bench");

    @OnOpen
    public void open(Session session) throws IOException {
        session.close(RESTART);
    }

    @OnMessage
    public void ignore(String text) {
        // closed before anything arrives
    }
}
