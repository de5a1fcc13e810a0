package io.switchboard.impl.extension.badsecurity;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Says both that everyone and no one may connect. */
@ServerEndpoint("/contradictory")
@PermitAll
@DenyAll
public class ContradictoryEndpoint {

    @OnMessage
    public String echo(String text) {
        return text;
    }
}
