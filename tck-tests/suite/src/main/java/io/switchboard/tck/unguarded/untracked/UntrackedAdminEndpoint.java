package io.switchboard.tck.unguarded.untracked;

import io.switchboard.Untracked;
import jakarta.annotation.security.RolesAllowed;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Left to the container (@Untracked), yet it says only admins may connect: the deployment must fail. */
@ServerEndpoint("/unguarded/admin")
@Untracked
@RolesAllowed("admin")
public class UntrackedAdminEndpoint {

    @OnMessage
    public String echo(String text) {
        return "UntrackedAdminEndpoint:" + text;
    }
}
