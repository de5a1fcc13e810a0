package io.switchboard.tck.reconnecting;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every upgrade request to {@link GuardedEchoEndpoint}, refused or not, by the label of the token it carried. A
 * request listener runs before any filter, so it sees the handshakes Switchboard's filter refuses.
 */
@WebListener
public class GuardedHandshakes implements ServletRequestListener {

    private static final ConcurrentLinkedQueue<String> SEEN = new ConcurrentLinkedQueue<>();

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        if (event.getServletRequest() instanceof HttpServletRequest request
                && "websocket".equalsIgnoreCase(request.getHeader("Upgrade"))
                && request.getRequestURI().endsWith("/guarded/echo")) {
            SEEN.add(GuardedToken.labelOf(request.getHeader("Authorization")));
        }
    }

    /** The labels, one per handshake, in order. */
    static List<String> seen() {
        return List.copyOf(SEEN);
    }
}
