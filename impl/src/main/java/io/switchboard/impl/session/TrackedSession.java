package io.switchboard.impl.session;

import io.switchboard.CloseCategory;
import io.switchboard.SessionInfo;
import io.switchboard.SessionState;
import jakarta.websocket.Session;

import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry's entry for one session. Written by the container thread of its session, read by anyone:
 * mutable fields are volatile and written without locks.
 */
public final class TrackedSession implements SessionInfo {

    private final Session session;
    private final String endpointId;
    private final Class<?> endpointClass;
    private final String remoteAddress;
    private final Principal principal;
    private final Instant openedAt;
    private final long openedAtNanos;

    private volatile long lastActivityMillis;
    private volatile SessionState state = SessionState.OPEN;
    /** Set when Switchboard itself closes the session, so the ending is not guessed from the code. */
    private volatile CloseCategory closingCategory;

    TrackedSession(Session session, String endpointId, Class<?> endpointClass, String remoteAddress) {
        this.session = session;
        this.endpointId = endpointId;
        this.endpointClass = endpointClass;
        this.remoteAddress = remoteAddress;
        this.principal = session.getUserPrincipal();
        this.openedAt = Instant.ofEpochMilli(System.currentTimeMillis());
        this.openedAtNanos = System.nanoTime();
        this.lastActivityMillis = openedAt.toEpochMilli();
    }

    /** Records inbound traffic; cheap enough to call for every message. */
    public void touch() {
        lastActivityMillis = System.currentTimeMillis();
    }

    /**
     * Marks the session as closing for a reason Switchboard knows; the close event then carries it.
     *
     * @param category why Switchboard closes the session
     */
    public void closing(CloseCategory category) {
        closingCategory = category;
        state = SessionState.CLOSING;
    }

    CloseCategory categoryFor(int closeCode) {
        CloseCategory known = closingCategory;
        return known != null ? known : CloseCategory.ofCloseCode(closeCode);
    }

    Duration age() {
        return Duration.ofNanos(System.nanoTime() - openedAtNanos);
    }

    void closed() {
        state = SessionState.CLOSED;
    }

    @Override
    public String id() {
        return session.getId();
    }

    @Override
    public String endpointId() {
        return endpointId;
    }

    @Override
    public Class<?> endpointClass() {
        return endpointClass;
    }

    @Override
    public String requestPath() {
        return session.getRequestURI().getPath();
    }

    @Override
    public Map<String, String> pathParameters() {
        return session.getPathParameters();
    }

    @Override
    public Optional<Principal> principal() {
        return Optional.ofNullable(principal);
    }

    @Override
    public Optional<String> remoteAddress() {
        return Optional.ofNullable(remoteAddress);
    }

    @Override
    public Optional<String> subprotocol() {
        String negotiated = session.getNegotiatedSubprotocol();
        return negotiated == null || negotiated.isEmpty() ? Optional.empty() : Optional.of(negotiated);
    }

    @Override
    public Instant openedAt() {
        return openedAt;
    }

    @Override
    public Instant lastActivity() {
        return Instant.ofEpochMilli(lastActivityMillis);
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public Set<String> rooms() {
        return Set.of();
    }

    @Override
    public Optional<Duration> lastHeartbeatRoundTrip() {
        return Optional.empty();
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public String toString() {
        return endpointId + "/" + id();
    }
}
