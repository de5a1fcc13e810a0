package io.switchboard.tck.spelling;

import io.switchboard.ConnectionLimits;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;

/** Open to anyone, one session per address at a time. */
@ServerEndpoint("/spell/capped")
@ConnectionLimits(perAddress = 1)
public class AddressCappedEndpoint {

    @OnOpen
    public void opened() {
        SpellingLog.OPEN_OPENS.incrementAndGet();
    }

    @OnMessage
    public String echo(String text) {
        return "AddressCappedEndpoint:" + text;
    }
}
