package io.switchboard.tck.ratelimit;

import io.switchboard.ConnectionLimits;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** At most 2 sessions from one address, and at most 5 handshakes per address in 10 seconds. */
@ServerEndpoint("/per-address")
@ConnectionLimits(perAddress = 2, handshakesPerAddress = 5, handshakePeriod = "10s")
public class PerAddressCappedEndpoint {

    @OnMessage
    public String echo(String text) {
        return "echo:" + text;
    }
}
