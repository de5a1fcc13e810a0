package io.switchboard.tck.security;

import io.switchboard.SessionError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.Reader;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A protected endpoint that reads its messages as a stream: Tyrus calls it on a message's first frame, and its read
 * then waits for the rest. The message {@code report} answers what earlier reads did ({@code read-failed},
 * {@code read:<n>}) and the categories of the errors Switchboard reported for this endpoint.
 */
@ServerEndpoint("/secure/stream")
@RolesAllowed("chat")
public class StreamReaderEndpoint {

    private static final Queue<String> REPORT = new ConcurrentLinkedQueue<>();

    @OnMessage
    public String message(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] chunk = new char[256];
        try {
            for (int n; (n = reader.read(chunk)) >= 0; ) {
                text.append(chunk, 0, n);
            }
        } catch (IOException e) {
            REPORT.add("read-failed");
            throw e;
        }
        if (text.toString().equals("report")) {
            return String.join(" ", REPORT);
        }
        REPORT.add("read:" + text.length());
        return "read:" + text.length();
    }

    /** Records the errors Switchboard reports for this endpoint's sessions. */
    @ApplicationScoped
    public static class Errors {
        void failed(@Observes SessionError error) {
            if (error.session().endpointClass() == StreamReaderEndpoint.class) {
                REPORT.add("error:" + error.category().tag());
            }
        }
    }
}
