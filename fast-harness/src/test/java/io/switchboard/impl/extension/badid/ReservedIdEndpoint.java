package io.switchboard.impl.extension.badid;

import io.switchboard.EndpointId;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** An id that would make {@code switchboard.default.*} both the deployment's defaults and this endpoint's keys. */
@ServerEndpoint("/reserved")
@EndpointId("default")
public class ReservedIdEndpoint {

    @OnMessage
    public String echo(String text) {
        return text;
    }
}
