package io.switchboard.tck.unguarded.disabled;

import jakarta.annotation.security.DenyAll;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Left to the container by {@code switchboard.DisabledDeniedEndpoint.enabled=false}, yet it denies everyone: the
 * deployment must fail.
 */
@ServerEndpoint("/unguarded/denied")
@DenyAll
public class DisabledDeniedEndpoint {

    @OnMessage
    public String echo(String text) {
        return "DisabledDeniedEndpoint:" + text;
    }
}
