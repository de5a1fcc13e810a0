package io.switchboard.tck.conformance;

import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** CDI injection and the user's own interceptor on an endpoint. */
@ServerEndpoint("/injected")
public class InjectedEndpoint {

    @Inject
    Greeter greeter;

    @Logged
    @OnMessage
    public String greet(String name) {
        return greeter.greet(name);
    }
}
