package io.switchboard.tck.spelling;

import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;

/** Open to anyone; overlaps {@link GuardedPairEndpoint}, which wins {@code /spell/x/b}. */
@ServerEndpoint("/spell/{a}/b")
public class OpenPairEndpoint {

    @OnOpen
    public void opened() {
        SpellingLog.OPEN_OPENS.incrementAndGet();
    }

    @OnMessage
    public String echo(String text) {
        return "OpenPairEndpoint:" + text;
    }
}
