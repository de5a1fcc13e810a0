package io.switchboard.tck.tracking;

import io.switchboard.Untracked;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Opted out: works, and is not tracked. */
@Untracked
@ServerEndpoint("/untracked")
public class UntrackedEndpoint {

    @OnMessage
    public String echo(String text) {
        return "untracked:" + text;
    }
}
