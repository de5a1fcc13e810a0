package io.switchboard.tck.conformance;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** {@code @PostConstruct} and {@code @PreDestroy}, once per connection. */
@ServerEndpoint("/lifecycle")
public class LifecycleEndpoint {

    @PostConstruct
    void constructed() {
        Recorder.add("constructed");
    }

    @PreDestroy
    void destroyed() {
        Recorder.add("destroyed");
    }

    @OnMessage
    public String message(String text) {
        return "alive:" + text;
    }
}
