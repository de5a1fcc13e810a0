package io.switchboard.impl.session;

import io.switchboard.CloseCategory;
import io.switchboard.OverflowPolicy;
import io.switchboard.RoomRecovery;
import io.switchboard.SessionInfo;
import io.switchboard.SessionState;
import io.switchboard.impl.config.HistorySettings;
import io.switchboard.impl.config.LivenessSettings;
import io.switchboard.impl.config.SendQueueSettings;
import io.switchboard.impl.delivery.FastPaths;
import io.switchboard.impl.delivery.MessageEncoder;
import io.switchboard.impl.delivery.Outbox;
import io.switchboard.impl.delivery.Payload;
import io.switchboard.impl.delivery.Recipient;
import io.switchboard.impl.delivery.SessionWriter;
import io.switchboard.impl.metrics.EndpointMeters;
import io.switchboard.impl.metrics.MessageKind;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The registry's entry for one session, and its liveness. Written by its session's container thread and by the
 * sweeper, read by anyone: mutable fields are volatile and written without locks.
 */
public final class TrackedSession implements SessionInfo, Recipient, Outbox.Owner {

    private static final Logger LOG = Logger.getLogger(TrackedSession.class.getName());

    /** How long a close Switchboard started may wait for the container's confirmation before it is forced. */
    static final long CLOSE_GRACE_NANOS = Liveness.CLOSE_GRACE_NANOS;

    private final Session session;
    private final String endpointId;
    private final Class<?> endpointClass;
    private final String remoteAddress;
    private final Principal principal;
    private final long openedAtMillis;
    private final long openedAtNanos;
    private final Liveness liveness;
    private final Ending ending;
    private final SessionRegistry registry;
    private final SessionWriter writer;
    private final Outbox outbox;
    private final MessageEncoder encoder;
    private final EndpointMeters meters;
    /** The names of the rooms the session is in; created with the first join. */
    private volatile Set<String> roomNames;
    /** The room of the endpoint's {@code @Room}, whose scope its callbacks run in; {@code null} if none. */
    private volatile String homeRoom;

    private final HistorySettings history;
    /** What each join of a room with history replayed, by room; created on first use, guarded by this. */
    private Map<String, RoomRecovery> recoveries;

    private volatile boolean inCallback;
    private volatile boolean endRequested;
    private final CloseState closeState = new CloseState();

    TrackedSession(
            SessionRegistry registry,
            Session session,
            String endpointId,
            Class<?> endpointClass,
            Peer peer,
            LivenessSettings liveness,
            SendQueueSettings sendQueue,
            HistorySettings history,
            MessageEncoder encoder,
            EndpointMeters meters,
            Ending ending) {
        this.meters = meters;
        this.history = history;
        this.registry = registry;
        this.session = session;
        this.endpointId = endpointId;
        this.endpointClass = endpointClass;
        this.remoteAddress = peer.remoteAddress();
        this.principal = peer.principal() != null ? peer.principal() : session.getUserPrincipal();
        this.openedAtMillis = System.currentTimeMillis();
        this.openedAtNanos = System.nanoTime();
        this.liveness = new Liveness(
                liveness, sendQueue.sendTimeout().toNanos(), openedAtNanos, openedAtMillis, peer.expiresAtMillis());
        this.ending = ending;
        this.writer = FastPaths.writerFor(session);
        this.outbox = new Outbox(writer, sendQueue, this);
        this.encoder = encoder;
    }

    /** Records an inbound message: the peer is alive and active. One clock read and one volatile write per message. */
    public void touch() {
        liveness.active(System.nanoTime());
    }

    /** The endpoint's code starts running for this session: the idle and heartbeat checks wait meanwhile. */
    public void callbackStarted() {
        inCallback = true;
    }

    /** The endpoint's code is done; the peer counts as active from now. */
    public void callbackEnded() {
        inCallback = false;
        liveness.active(System.nanoTime());
    }

    /**
     * Records a pong; when it answers Switchboard's last ping, its round-trip time.
     *
     * @param payload the pong's application data
     */
    public void pong(ByteBuffer payload) {
        long roundTrip = liveness.pong(payload, System.nanoTime());
        if (roundTrip >= 0) {
            meters.roundTrip(roundTrip);
        }
        meters.received(MessageKind.PONG, 0, true);
    }

    /**
     * Closes the session for a reason Switchboard knows: the close event then carries that category. Only the
     * first close counts. Should the container never confirm it (Payara keeps some dropped connections open
     * forever), the sweeper ends the session after a grace period.
     *
     * @param category why
     * @param reason   the close reason phrase sent to the peer
     */
    public void close(CloseCategory category, String reason) {
        CloseReason closeReason = new CloseReason(CloseReason.CloseCodes.getCloseCode(category.closeCode()), reason);
        if (!startClosing(category, closeReason)) {
            return;
        }
        // Sent even while the endpoint's code blocks in a read of a streamed message: the container then ends the
        // read (Tyrus fails it once the session is closed); the sweeper forces the end should it not.
        try {
            session.close(closeReason);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "Switchboard: closing " + this + " failed; ending it");
            ending.force(closeReason);
        }
    }

    private boolean startClosing(CloseCategory category, CloseReason reason) {
        return closeState.start(category, reason, System.nanoTime());
    }

    /**
     * One look at the session's liveness by the sweeper: close it as idle, slow or expired, ping it, time it
     * out, or end a close left hanging. Only the idle and heartbeat checks wait for a running callback (see
     * {@link Liveness}).
     * What takes time (closing, which runs application callbacks) goes to {@code closer}, so that one slow
     * {@code @OnClose} cannot hold up the liveness of every other session.
     */
    void sweep(long now, Executor closer) {
        SessionState current = closeState.state();
        if (current == SessionState.CLOSED) {
            return;
        }
        if (current == SessionState.CLOSING) {
            CloseState.Closing started = closeState.closing();
            if (started != null && !endRequested && Liveness.closeOverdue(now, started.requestedNanos())) {
                endRequested = true;
                LOG.fine(() -> "Switchboard: the container never confirmed the close of " + this + "; ending it");
                closer.execute(() -> ending.force(started.reason()));
            }
            return;
        }
        switch (liveness.check(now, outbox.writingFor(now), inCallback)) {
            case PING -> ping(now);
            case SEND_TIMEOUT -> closer.execute(() -> close(CloseCategory.SLOW_CONSUMER, "Send timeout"));
            case CREDENTIALS_EXPIRED -> closer.execute(() -> close(CloseCategory.TOKEN_EXPIRED, "Token expired"));
            case IDLE_TIMEOUT -> closer.execute(() -> close(CloseCategory.IDLE_TIMEOUT, "Idle timeout"));
            case HEARTBEAT_TIMEOUT -> closer.execute(() -> close(CloseCategory.HEARTBEAT_TIMEOUT, "Heartbeat timeout"));
            case NONE -> {}
        }
    }

    private void ping(long now) {
        try {
            writer.ping(now);
            meters.sent(MessageKind.PING, 0);
        } catch (IOException | RuntimeException e) {
            if (session.isOpen()) {
                connectionLost("Ping failed");
            } // else the container is closing it, with its own code
        }
    }

    /** The connection is gone: nothing can be sent, not even a close frame (1006 is never sent). */
    private void connectionLost(String reason) {
        CloseReason lost = new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, reason);
        if (endRequested || !startClosing(CloseCategory.CONNECTION_LOST, lost)) {
            return; // ending already, for a reason that stays the one reported; a close never confirmed is forced
        }
        endRequested = true;
        ending.force(lost);
    }

    @Override
    public void overflowed() {
        registry.later(() -> close(CloseCategory.SLOW_CONSUMER, "Send queue full"));
    }

    @Override
    public void dropped(OverflowPolicy policy) {
        registry.dropped(this, policy);
    }

    @Override
    public void writeFailed(Throwable error) {
        if (!session.isOpen()) {
            // The container is closing it (Tyrus's own size limit, say): its close, with its code, is on its way.
            // Reporting a lost connection now would put 1006 in place of that code.
            LOG.fine(() -> "Switchboard: a write to " + this + " failed as the container closes it (" + error + ")");
            return;
        }
        LOG.fine(() -> "Switchboard: a write to " + this + " failed (" + error + "); ending it");
        registry.later(() -> connectionLost("Write failed"));
    }

    @Override
    public void written(Payload payload) {
        meters.sent(payload.isText() ? MessageKind.TEXT : MessageKind.BINARY, payload.size());
    }

    /** The instruments of the session's endpoint. */
    public EndpointMeters meters() {
        return meters;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public MessageEncoder encoder() {
        return encoder;
    }

    /** Whether the session is open: not closing or closed. */
    public boolean isOpen() {
        return closeState.state() == SessionState.OPEN;
    }

    /**
     * The live set of the session's room names, created on first use; kept by the room service.
     *
     * @return the set
     */
    public Set<String> roomNames() {
        Set<String> names = roomNames;
        if (names == null) {
            synchronized (this) {
                names = roomNames;
                if (names == null) {
                    names = java.util.concurrent.ConcurrentHashMap.newKeySet(4);
                    roomNames = names;
                }
            }
        }
        return names;
    }

    /**
     * The room whose {@code @RoomScoped} beans the session's callbacks see: that of the endpoint's
     * {@code @Room}, else the session's only room, else none.
     *
     * @return the room name, or {@code null}
     */
    public String callbackRoom() {
        String home = homeRoom;
        if (home != null) {
            return home;
        }
        Set<String> names = roomNames;
        if (names == null || names.size() != 1) {
            return null;
        }
        java.util.Iterator<String> only = names.iterator();
        return only.hasNext() ? only.next() : null;
    }

    /**
     * Names the room of the endpoint's {@code @Room}.
     *
     * @param room the room name
     */
    public void homeRoom(String room) {
        homeRoom = room;
    }

    /** How much history the rooms this session's endpoint joins keep. */
    public HistorySettings history() {
        return history;
    }

    /**
     * Records what a join of a room with history replayed.
     *
     * @param recovery the recovery
     */
    public synchronized void recovered(RoomRecovery recovery) {
        if (recoveries == null) {
            recoveries = new java.util.HashMap<>(4);
        }
        recoveries.put(recovery.room(), recovery);
    }

    /**
     * What the session's latest join of a room with history replayed.
     *
     * @param room the room
     * @return the recovery, or {@code null} if the session never joined the room while it kept history
     */
    public synchronized RoomRecovery recovery(String room) {
        return recoveries == null ? null : recoveries.get(room);
    }

    /** Whether Switchboard started this session's close (its category is then known, not guessed). */
    boolean closedBySwitchboard() {
        return closeState.closing() != null;
    }

    /**
     * Ends the session now, whatever the container says and whatever its {@code @OnClose} is doing: the application
     * is stopping.
     */
    void endNow() {
        CloseState.Closing started = closeState.closing();
        ending.abandon(
                started != null
                        ? started.reason()
                        : new CloseReason(CloseReason.CloseCodes.SERVICE_RESTART, SessionRegistry.SHUTDOWN_REASON));
    }

    /**
     * The close reason the session's end reports: the one Switchboard sent when it closed the session (the peer
     * may drop the connection before answering, and the container then reports 1006), else the container's.
     */
    CloseReason reportedReason(CloseReason containerReason) {
        CloseState.Closing started = closeState.closing();
        return started != null ? started.reason() : containerReason;
    }

    CloseCategory categoryFor(int closeCode) {
        CloseState.Closing started = closeState.closing();
        return started != null ? started.category() : CloseCategory.ofCloseCode(closeCode);
    }

    Duration age() {
        return Duration.ofNanos(System.nanoTime() - openedAtNanos);
    }

    void closed() {
        closeState.closed();
        outbox.discard();
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
        return Instant.ofEpochMilli(openedAtMillis);
    }

    @Override
    public Instant lastActivity() {
        return Instant.ofEpochMilli(openedAtMillis + TimeUnit.NANOSECONDS.toMillis(liveness.lastInboundSinceOpen()));
    }

    @Override
    public SessionState state() {
        return closeState.state();
    }

    @Override
    public Set<String> rooms() {
        Set<String> names = roomNames;
        return names == null ? Set.of() : Set.copyOf(names);
    }

    @Override
    public Optional<Duration> lastHeartbeatRoundTrip() {
        long rtt = liveness.roundTripNanos();
        return rtt < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(rtt));
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
