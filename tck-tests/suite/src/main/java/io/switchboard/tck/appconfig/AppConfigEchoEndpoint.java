package io.switchboard.tck.appconfig;

import io.switchboard.OpenSessions;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** Deployed by {@link EveryEndpointConfig}; answers with how many sessions Switchboard tracks. */
@ServerEndpoint("/appconfig-echo")
public class AppConfigEchoEndpoint {

    @OnMessage
    public String echo(String text) {
        return text + "|tracked:"
                + CDI.current().select(OpenSessions.class).get().count();
    }
}
