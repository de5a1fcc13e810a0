package io.switchboard.tck.conformance;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/**
 * Closes on request with its own code and reason; records the reason of every close in {@code @OnClose}, and whether
 * {@code @OnClose} ran where application code can run (the containers run an annotated endpoint's callbacks with the
 * deployment's class loader and CDI at hand, whichever thread noticed the close).
 */
@ServerEndpoint("/close")
public class CloseEndpoint {

    @OnMessage
    public void message(String text, Session session) throws IOException {
        if (text.equals("close-me")) {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(4001), "bye"));
        }
    }

    @OnClose
    public void closed(CloseReason reason) {
        Recorder.add("closed " + reason.getCloseCode().getCode() + " " + reason.getReasonPhrase());
        Recorder.add("closed in " + context());
    }

    private static String context() {
        if (Thread.currentThread().getContextClassLoader() != CloseEndpoint.class.getClassLoader()) {
            return "a foreign class loader " + Thread.currentThread().getContextClassLoader();
        }
        try {
            return CDI.current().select(Greeter.class).get().greet("application");
        } catch (RuntimeException e) {
            return "no CDI: " + e;
        }
    }
}
