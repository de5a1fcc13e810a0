package io.switchboard.impl.extension.twins.impostor;

import io.switchboard.EndpointId;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** An explicit id that is another class's default id. */
@ServerEndpoint("/impostor")
@EndpointId("TwinEndpoint")
public class ImpostorEndpoint {

    @OnMessage
    public String echo(String text) {
        return "impostor:" + text;
    }
}
