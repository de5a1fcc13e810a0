package io.switchboard.tck.tracking;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Takes longer to answer than the heartbeat interval and timeout together. */
@ServerEndpoint("/slow")
public class SlowEndpoint {

    /** How long each message takes. */
    public static final long MILLIS = 3_000;

    @OnMessage
    public String slow(String text) throws InterruptedException {
        Thread.sleep(MILLIS);
        return "slow:" + text;
    }
}
