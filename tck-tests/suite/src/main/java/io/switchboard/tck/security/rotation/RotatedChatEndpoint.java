package io.switchboard.tck.security.rotation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** For users in the {@code chat} role, whose tokens are verified with keys fetched from a JWKS URL. */
@ServerEndpoint("/rotation/chat")
@RolesAllowed("chat")
public class RotatedChatEndpoint {

    @OnMessage
    public String message(String text, JsonWebToken token) {
        return token.getName() + ":" + text;
    }
}
