package io.switchboard.impl.transaction;

import io.switchboard.Broadcaster;
import io.switchboard.DeliveryReport;
import io.switchboard.OpenSessions;
import io.switchboard.SessionInfo;
import jakarta.websocket.Session;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * {@link Broadcaster#afterCommit()}: every send goes through {@link AfterCommit}. Arguments are checked at the call;
 * a container {@link Session} is turned into its registry entry at the call too, so a session that closes before the
 * commit counts as dropped, as a listed session does, rather than failing the send then.
 */
final class AfterCommitBroadcaster implements Broadcaster {

    private final Broadcaster plain;
    private final AfterCommit afterCommit;
    private final OpenSessions sessions;

    AfterCommitBroadcaster(Broadcaster plain, AfterCommit afterCommit, OpenSessions sessions) {
        this.plain = plain;
        this.afterCommit = afterCommit;
        this.sessions = sessions;
    }

    @Override
    public CompletionStage<DeliveryReport> toEndpoint(String endpointId, Object message) {
        Objects.requireNonNull(endpointId, "endpointId");
        Object taken = AfterCommit.taken(Objects.requireNonNull(message, "message"));
        return afterCommit.send(() -> plain.toEndpoint(endpointId, taken));
    }

    @Override
    public CompletionStage<DeliveryReport> toEndpoint(Class<?> endpointClass, Object message) {
        Objects.requireNonNull(endpointClass, "endpointClass");
        Object taken = AfterCommit.taken(Objects.requireNonNull(message, "message"));
        return afterCommit.send(() -> plain.toEndpoint(endpointClass, taken));
    }

    @Override
    public CompletionStage<DeliveryReport> toMatching(Predicate<? super SessionInfo> filter, Object message) {
        Objects.requireNonNull(filter, "filter");
        Object taken = AfterCommit.taken(Objects.requireNonNull(message, "message"));
        return afterCommit.send(() -> plain.toMatching(filter, taken));
    }

    @Override
    public CompletionStage<DeliveryReport> toPrincipal(String principalName, Object message) {
        Objects.requireNonNull(principalName, "principalName");
        Object taken = AfterCommit.taken(Objects.requireNonNull(message, "message"));
        return afterCommit.send(() -> plain.toPrincipal(principalName, taken));
    }

    @Override
    public CompletionStage<DeliveryReport> toSession(Session session, Object message) {
        Objects.requireNonNull(session, "session");
        SessionInfo entry = sessions.findBySessionId(session.getId())
                .orElseThrow(() -> new IllegalArgumentException(
                        "Switchboard: session " + session.getId() + " is not an open session of a tracked endpoint"));
        return toSession(entry, message);
    }

    @Override
    public CompletionStage<DeliveryReport> toSession(SessionInfo session, Object message) {
        Objects.requireNonNull(session, "session");
        Object taken = AfterCommit.taken(Objects.requireNonNull(message, "message"));
        return afterCommit.send(() -> plain.toSession(session, taken));
    }

    @Override
    public Broadcaster afterCommit() {
        return this;
    }

    @Override
    public String toString() {
        return "afterCommit(" + plain + ")";
    }
}
