package io.switchboard.impl.extension.twins.named;

import io.switchboard.EndpointId;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** A third class named TwinEndpoint, given its own id: it deploys beside either of the others. */
@ServerEndpoint("/twin-named")
@EndpointId("twin-named")
public class TwinEndpoint {

    @OnMessage
    public String echo(String text) {
        return "named:" + text;
    }
}
