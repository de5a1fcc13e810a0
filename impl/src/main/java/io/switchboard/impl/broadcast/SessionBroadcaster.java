package io.switchboard.impl.broadcast;

import io.switchboard.Broadcaster;
import io.switchboard.DeliveryReport;
import io.switchboard.SessionInfo;
import io.switchboard.impl.cluster.Cluster;
import io.switchboard.impl.delivery.Fanout;
import io.switchboard.impl.endpoint.EndpointIds;
import io.switchboard.impl.session.SessionRegistry;
import io.switchboard.impl.session.TrackedSession;
import io.switchboard.impl.transaction.AfterCommit;
import io.switchboard.spi.ClusterBroadcast;
import io.switchboard.spi.ClusterBroadcast.Audience;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * Sends to the sessions of the registry that a filter picks, through {@link Fanout}. Sends to an endpoint or a
 * principal also go to the other nodes of a cluster; sends by predicate or to one session stay on this node. The
 * {@link #afterCommit()} view is {@link AfterCommit}'s.
 */
@ApplicationScoped
public class SessionBroadcaster implements Broadcaster {

    @Inject
    SessionRegistry sessions;

    @Inject
    Fanout fanout;

    @Inject
    Cluster cluster;

    @Inject
    AfterCommit afterCommit;

    /** {@link #afterCommit()}, made on first use; immutable, so a race makes two equal views. */
    private Broadcaster afterCommitView;

    @Override
    public CompletionStage<DeliveryReport> toEndpoint(String endpointId, Object message) {
        Objects.requireNonNull(endpointId, "endpointId");
        return toAudience(Audience.ENDPOINT, endpointId, message);
    }

    @Override
    public CompletionStage<DeliveryReport> toPrincipal(String principalName, Object message) {
        Objects.requireNonNull(principalName, "principalName");
        return toAudience(Audience.PRINCIPAL, principalName, message);
    }

    private CompletionStage<DeliveryReport> toAudience(Audience audience, String target, Object message) {
        Objects.requireNonNull(message, "message");
        Iterable<TrackedSession> matching = sessions.matching(Cluster.sessionsOf(audience, target));
        ClusterBroadcast outgoing = cluster.outgoing(audience, target, message, matching);
        CompletionStage<Boolean> published = outgoing == null ? null : cluster.publish(outgoing);
        CompletionStage<DeliveryReport> local = fanout.send(matching, message, null);
        return published == null ? local : Cluster.reported(local, published);
    }

    @Override
    public CompletionStage<DeliveryReport> toMatching(Predicate<? super SessionInfo> filter, Object message) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(message, "message");
        return fanout.send(sessions.matching(filter), message, null);
    }

    @Override
    public CompletionStage<DeliveryReport> toEndpoint(Class<?> endpointClass, Object message) {
        Objects.requireNonNull(endpointClass, "endpointClass");
        return toEndpoint(EndpointIds.of(endpointClass), message);
    }

    @Override
    public CompletionStage<DeliveryReport> toSession(Session session, Object message) {
        Objects.requireNonNull(session, "session");
        return toSession(sessions.tracked(session.getId()), session.getId(), message);
    }

    @Override
    public CompletionStage<DeliveryReport> toSession(SessionInfo session, Object message) {
        Objects.requireNonNull(session, "session");
        // The registry's own entry is used as it is: one that closed since it was listed reports the message dropped.
        TrackedSession recipient = session instanceof TrackedSession tracked ? tracked : sessions.tracked(session.id());
        return toSession(recipient, session.id(), message);
    }

    @Override
    public Broadcaster afterCommit() {
        Broadcaster view = afterCommitView;
        if (view == null) {
            view = afterCommit.broadcaster(this);
            afterCommitView = view;
        }
        return view;
    }

    private CompletionStage<DeliveryReport> toSession(TrackedSession recipient, String id, Object message) {
        Objects.requireNonNull(message, "message");
        if (recipient == null) {
            throw new IllegalArgumentException(
                    "Switchboard: session " + id + " is not an open session of a tracked endpoint");
        }
        return fanout.send(List.of(recipient), message, null);
    }
}
