package io.switchboard;

import jakarta.websocket.Session;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * Sending to sessions chosen otherwise than by room, through the same bounded send queues as
 * {@link RoomService}: the same message forms, the same ordering, the same delivery report. Inject it:
 *
 * <pre>{@code
 * @Inject Broadcaster broadcaster;
 *
 * void onPriceChange(@Observes Price price) {
 *     broadcaster.toEndpoint(PricesEndpoint.class, price);
 * }
 * }</pre>
 *
 * <p>Threads: every method returns without waiting for a peer. On the calling thread it picks the recipients,
 * encodes the message once per endpoint among them, queues it for each and starts the writes of queues that
 * were idle (for 64 or more of those, split with Switchboard's fan-out threads, one fewer than the cores); each
 * write then goes on on the container's I/O threads. The returned stage completes on whichever thread finished
 * the last delivery (usually a container I/O thread; the calling thread when nothing was queued); use its
 * {@code *Async} methods for anything slow.
 *
 * <p>Cost: choosing recipients by endpoint, principal or predicate scans every open session of the deployment
 * (O(sessions)) before the O(recipients) queueing; {@code toSession} looks the one session up (O(1)).
 * Switchboard provides the {@code @ApplicationScoped} bean.
 *
 * <p>Clusters: with a backplane ({@code switchboard.backplane}), {@code toEndpoint} and {@code toPrincipal} also reach
 * the sessions of every other node (published once, before this node's sessions get it; see
 * {@link DeliveryReport#published()}), and throw {@link IllegalArgumentException} for a message larger than
 * {@code switchboard.backplane.max-payload}; {@code toMatching} and {@code toSession} stay on this node.
 *
 * <p>Transactions: {@link #afterCommit()} is this broadcaster with its sends held until the current JTA transaction
 * commits and dropped if it rolls back: {@code broadcaster.afterCommit().toPrincipal(order.owner(), update)}.
 */
public interface Broadcaster {

    /**
     * Sends to every open session of one endpoint. O(sessions) to choose, O(recipients) to queue.
     *
     * @param endpointId the endpoint id: the {@link EndpointId} of the endpoint class, else its simple name
     * @param message    text, binary or an object for the endpoint's encoders
     * @return the stage of the delivery report; no recipients for an id no tracked endpoint has
     */
    CompletionStage<DeliveryReport> toEndpoint(String endpointId, Object message);

    /**
     * Sends to every open session of one endpoint class. O(sessions) to choose, O(recipients) to queue.
     *
     * @param endpointClass the {@code @ServerEndpoint} class
     * @param message       text, binary or an object for the endpoint's encoders
     * @return the stage of the delivery report; no recipients for a class that is not a tracked endpoint
     */
    CompletionStage<DeliveryReport> toEndpoint(Class<?> endpointClass, Object message);

    /**
     * Sends to every open session whose metadata matches. O(sessions) calls of the filter, O(recipients) to
     * queue.
     *
     * @param filter  which sessions receive it; called once per open session, on the calling thread, before this
     *                method returns
     * @param message text, binary or an object for each session's encoders
     * @return the stage of the delivery report
     */
    CompletionStage<DeliveryReport> toMatching(Predicate<? super SessionInfo> filter, Object message);

    /**
     * Sends to every open session of one principal (a user with several tabs or devices). O(sessions) to choose,
     * O(recipients) to queue.
     *
     * @param principalName the name, as {@link java.security.Principal#getName()}
     * @param message       text, binary or an object for each session's encoders
     * @return the stage of the delivery report
     */
    CompletionStage<DeliveryReport> toPrincipal(String principalName, Object message);

    /**
     * Sends to one session through its send queue: the bounded, non-blocking alternative to
     * {@code session.getBasicRemote()}, ordered with everything else Switchboard sends it. O(1); the write starts
     * on the calling thread if the queue was idle.
     *
     * @param session a session of a tracked endpoint
     * @param message text, binary or an object for the endpoint's encoders
     * @return the stage of the delivery report
     * @throws IllegalArgumentException if the session is not open on a tracked endpoint
     */
    CompletionStage<DeliveryReport> toSession(Session session, Object message);

    /**
     * Sends to one session through its send queue, as {@link #toSession(Session, Object)}: for a session found
     * through {@link OpenSessions} or {@link RoomService#members}. O(1).
     *
     * @param session a session of a tracked endpoint, as {@link OpenSessions} lists it
     * @param message text, binary or an object for the endpoint's encoders
     * @return the stage of the delivery report; a session that closed since it was listed counts as dropped
     * @throws IllegalArgumentException if Switchboard does not track the session
     */
    CompletionStage<DeliveryReport> toSession(SessionInfo session, Object message);

    /**
     * This broadcaster with its sends following the current JTA transaction, as {@link RoomService#afterCommit()}
     * describes: every send of the view made while a transaction is active waits for the commit and is made then, on
     * the committing thread and in call order, or is dropped if the transaction rolls back (the stage completes with
     * a {@link java.util.concurrent.CancellationException}, message {@code "transaction rolled back"}); outside a
     * transaction, or on a server without JTA, it sends at once. Recipients are chosen when the send is made: the
     * sessions of the endpoint or principal then, and {@code toMatching}'s filter is called then, on the committing
     * thread. A session given to {@code toSession} must be open on a tracked endpoint at the call
     * ({@link IllegalArgumentException} otherwise); if it closes before the commit, the report counts it dropped.
     * Its own {@code afterCommit()} returns itself. O(1); the view is made once.
     *
     * @return the view; cheap to call on every send
     */
    Broadcaster afterCommit();
}
