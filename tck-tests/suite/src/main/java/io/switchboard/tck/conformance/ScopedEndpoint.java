package io.switchboard.tck.conformance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * An endpoint that is also a normal-scoped bean: the containers still create one (non-contextual) instance per
 * connection, so the count is per connection.
 */
@ApplicationScoped
@ServerEndpoint("/scoped")
public class ScopedEndpoint {

    private int count;

    @OnMessage
    public String count(String text) {
        return "count:" + ++count;
    }
}
