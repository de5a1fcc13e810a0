package io.switchboard.tck.reconnecting;

import io.switchboard.client.TokenSupplier;
import io.switchboard.client.WebSocketClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code guarded} client's tokens: whatever the test last set through {@link LinksProbe}, each under a label, so
 * that {@link GuardedHandshakes} can say which token a handshake carried without logging tokens.
 */
@ApplicationScoped
@WebSocketClient("guarded")
public class GuardedToken implements TokenSupplier {

    /** Static, so that {@link GuardedHandshakes}, a servlet listener rather than a bean, reads it. */
    private static final Map<String, String> LABELS = new ConcurrentHashMap<>();

    private final AtomicInteger asked = new AtomicInteger();
    private volatile String token;

    @Override
    public String token() {
        asked.incrementAndGet();
        return token;
    }

    /** The token from now on, and the label it is logged by. */
    public void set(String label, String value) {
        LABELS.put(value, label);
        token = value;
    }

    /** How often the client asked: before each attempt, and at each look while it waits for a token. */
    public int asked() {
        return asked.get();
    }

    /** The label of the token an {@code Authorization} header carries: {@code none}, or {@code unknown}. */
    static String labelOf(String authorization) {
        if (authorization == null) {
            return "none";
        }
        String bearer = authorization.startsWith("Bearer ") ? authorization.substring("Bearer ".length()) : "";
        return LABELS.getOrDefault(bearer, "unknown");
    }
}
