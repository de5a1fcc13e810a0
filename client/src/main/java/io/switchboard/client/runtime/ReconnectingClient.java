package io.switchboard.client.runtime;

import io.switchboard.client.ClientConnected;
import io.switchboard.client.ClientListener;
import io.switchboard.client.ClientOptions;
import io.switchboard.client.ClientState;
import io.switchboard.client.ClientStateChanged;
import io.switchboard.client.ReconnectingSocket;
import io.switchboard.client.SendRefusedException;
import io.switchboard.client.SendRefusedException.Reason;
import io.switchboard.spi.MetricsBackend;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The {@link ReconnectingSocket}: a state machine run on one thread of its own, around one JSR 356 connection at a
 * time.
 *
 * <p>Every decision (connect, back off, wait for a token, give up) is taken on the client's thread; the container's
 * threads only hand over what happened. Messages received are given to the listeners on the container's thread as
 * they arrive. Writes go one at a time from the {@link OutboundBuffer}, each started by the completion of the one
 * before. A second thread, started on demand, makes the blocking {@code connectToServer} calls, so that a handshake
 * that hangs never holds up the client's decisions; the connect timeout abandons it.
 *
 * <pre>{@code
 * ReconnectingSocket prices = ReconnectingClient.builder(
 *                 ClientOptions.builder("prices", URI.create("wss://feed.example.com/prices")).build())
 *         .listener(new ClientListener() {
 *             public void onConnected(ClientConnected link) { link.sendText("subscribe EURUSD"); }
 *             public void onText(String price) { ... }
 *         })
 *         .open();
 * }</pre>
 */
public final class ReconnectingClient implements ReconnectingSocket {
    private static final System.Logger LOG = System.getLogger(ReconnectingClient.class.getName());

    /** How long a refused handshake's headers may lag behind its failure (Tyrus); see {@link Link}. */
    private static final Duration RESPONSE_HEADERS_WAIT = Duration.ofMillis(200);

    /** The longest {@code Retry-After} honoured. */
    private static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private final ClientOptions options;
    private final WebSocketContainer container;
    private final Backoff backoff;
    private final ClientMeters meters;
    private final LongSupplier clock;
    private final List<ClientListener> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledThreadPoolExecutor thread;
    private final ExecutorService connector;

    private final Object lock = new Object();
    // Guarded by lock.
    private final OutboundBuffer buffer;
    private volatile ClientState state = ClientState.IDLE;
    private Link current;
    private LinkWatch watch;
    /**
     * The message being written and the link it is written on. A drop leaves both: the container may report the
     * write after it reported the close (Tyrus does), and the outcome decides whether the message is written again.
     */
    private OutboundBuffer.Outgoing inFlight;

    private Link inFlightOn;
    private boolean pumping;
    private boolean pumpAgain;
    private boolean starting;
    private int attemptsSinceOpen;
    /** The last drop was of a short-lived connection, and logged at DEBUG: so is the reconnect after it. */
    private boolean quietReconnect;

    private long attempts;
    private int step;
    private long connections;
    private String refusedToken;

    private ReconnectingClient(Builder builder) {
        this.options = builder.options;
        this.container = builder.container != null ? builder.container : ContainerProvider.getWebSocketContainer();
        ConnectTimeouts.apply(container, options.connectTimeout());
        this.backoff = new Backoff(options, builder.random);
        this.clock = builder.clock;
        this.buffer = new OutboundBuffer(options.bufferMessages(), options.bufferBytes());
        this.listeners.addAll(builder.listeners);
        this.meters = new ClientMeters(builder.metrics, options.name(), () -> state.ordinal(), this::buffered);
        String name = "switchboard-client-" + options.name();
        this.thread = new ScheduledThreadPoolExecutor(1, runnable -> daemon(runnable, name));
        this.thread.setRemoveOnCancelPolicy(true);
        this.thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        ThreadPoolExecutor connects = new ThreadPoolExecutor(
                0,
                1,
                10,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                runnable -> daemon(runnable, name + "-connect"));
        this.connector = connects;
        if (options.connectAtStartup()) {
            connect();
        }
    }

    /**
     * A builder for a client with these settings.
     *
     * @param options the settings
     * @return the builder
     */
    public static Builder builder(ClientOptions options) {
        return new Builder(options);
    }

    @Override
    public String name() {
        return options.name();
    }

    @Override
    public URI uri() {
        return options.uri();
    }

    @Override
    public ClientState state() {
        return state;
    }

    @Override
    public void connect() {
        synchronized (lock) {
            if (state == ClientState.CLOSED) {
                throw new IllegalStateException("Switchboard: client '" + name() + "' is closed");
            }
            if ((state != ClientState.IDLE && state != ClientState.GAVE_UP) || starting) {
                return;
            }
            starting = true;
        }
        // On the client's thread, like every other change: listeners never run on the caller's (in CDI, the caller
        // may be building the very bean that observes them).
        run(this::start);
    }

    private void start() {
        ClientStateChanged change;
        synchronized (lock) {
            starting = false;
            if (state.isFinal() && state == ClientState.CLOSED) {
                return;
            }
            step = 0;
            attemptsSinceOpen = 0;
            change = transition(ClientState.CONNECTING, Duration.ZERO, 0, "connecting to " + uri());
        }
        notifyState(change);
        attempt();
    }

    @Override
    public CompletableFuture<Void> sendText(String text) {
        Objects.requireNonNull(text, "text");
        return send(OutboundBuffer.Outgoing.text(text, Utf8Length.of(text)));
    }

    @Override
    public CompletableFuture<Void> sendBinary(ByteBuffer bytes) {
        Objects.requireNonNull(bytes, "bytes");
        ByteBuffer copy =
                ByteBuffer.allocate(bytes.remaining()).put(bytes.duplicate()).flip();
        return send(OutboundBuffer.Outgoing.binary(copy));
    }

    @Override
    public int buffered() {
        synchronized (lock) {
            return buffer.size();
        }
    }

    @Override
    public long bufferedBytes() {
        synchronized (lock) {
            return buffer.bytes();
        }
    }

    @Override
    public void addListener(ClientListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void tokenRenewed() {
        run(this::lookForToken);
    }

    @Override
    public void close() {
        Link link;
        List<OutboundBuffer.Outgoing> unsent;
        ClientStateChanged change;
        synchronized (lock) {
            if (state == ClientState.CLOSED) {
                return;
            }
            change = transition(ClientState.CLOSED, Duration.ZERO, 1000, "closed by the application");
            link = current;
            if (link != null) {
                // A handshake under way is given up: the connector closes what it may still return.
                link.abandoned = true;
            }
            current = null;
            watch = null;
            inFlight = null;
            inFlightOn = null;
            unsent = buffer.drain();
        }
        refuse(unsent, Reason.CLOSED, "Switchboard: client '" + name() + "' was closed before the message was written");
        notifyState(change);
        if (link != null && link.session != null) {
            closeQuietly(link.session, new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "client closed"));
        }
        thread.shutdownNow();
        connector.shutdownNow();
    }

    // --- connecting ----------------------------------------------------------------------------------------------

    /** On the client's thread: one handshake, handed to the connector. */
    private void attempt() {
        String token;
        try {
            token = options.tokenSupplier() != null ? options.tokenSupplier().token() : options.token();
        } catch (RuntimeException failure) {
            LOG.log(
                    Level.WARNING,
                    "Switchboard: client ''{0}'': its token supplier failed ({1}); backing off",
                    name(),
                    failure.getClass().getName());
            react(new Reaction(Reaction.Kind.BACK_OFF, null), 0, "the token supplier failed", null);
            return;
        }
        Link link;
        ClientStateChanged change;
        synchronized (lock) {
            if (state.isFinal()) {
                return;
            }
            attempts++;
            attemptsSinceOpen++;
            link = new Link(attempts, token, this);
            current = link;
            change = state == ClientState.CONNECTING
                    ? null
                    : transition(ClientState.CONNECTING, Duration.ZERO, 0, "connecting to " + uri());
            link.timer = thread.schedule(
                    () -> connectTimedOut(link), options.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
        }
        if (change != null) {
            notifyState(change);
        }
        LOG.log(
                Level.DEBUG,
                "Switchboard: client ''{0}'' connects to {1}, attempt {2}",
                name(),
                uri(),
                String.valueOf(attempts));
        connector.execute(() -> {
            try {
                Session session = container.connectToServer(
                        link, link.config(options.headers(), options.subprotocols(), options.connectTimeout()), uri());
                boolean abandoned;
                synchronized (lock) {
                    abandoned = link.abandoned;
                }
                if (abandoned) {
                    closeQuietly(session, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "connect timed out"));
                }
            } catch (Exception | LinkageError failure) {
                try {
                    if (HandshakeFailure.of(failure, Map.of(), ZonedDateTime.now())
                                    .status()
                            > 0) {
                        link.awaitResponseHeaders(RESPONSE_HEADERS_WAIT);
                    }
                } catch (RuntimeException | LinkageError undeployed) {
                    // Payara, after a failed deployment: loading a class throws "This web container has not yet
                    // been started"; the attempt still fails as it should.
                }
                run(() -> connectFailed(link, failure));
            }
        });
    }

    /** The container's thread, inside {@code connectToServer}: applies the size limits to the new session. */
    void configure(Session session) {
        session.setMaxTextMessageBufferSize(options.maxMessageSize());
        session.setMaxBinaryMessageBufferSize(options.maxMessageSize());
        if (session.getMaxIdleTimeout() > 0) {
            // Only where there is one: on Tyrus even setting 0 schedules an idle-timeout task.
            session.setMaxIdleTimeout(0);
        }
    }

    /** The container's thread: the handshake succeeded. */
    void opened(Link link) {
        if (!run(() -> takeOpen(link))) {
            // Closed while the handshake was under way: nobody will use this connection.
            closeQuietly(link.session, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "client closed"));
        }
    }

    private void takeOpen(Link link) {
        ClientStateChanged change;
        long number;
        boolean quiet = false;
        synchronized (lock) {
            if (link != current || link.abandoned || state.isFinal()) {
                link.abandoned = true;
                change = null;
                number = 0;
            } else {
                link.timer.cancel(false);
                link.openedAt = clock.getAsLong();
                watch = new LinkWatch(
                        options.heartbeatInterval().toNanos(),
                        options.pongTimeout().toNanos(),
                        options.sendTimeout().toNanos(),
                        link.openedAt);
                refusedToken = null;
                connections++;
                number = connections;
                quiet = quietReconnect;
                change = transition(ClientState.OPEN, Duration.ZERO, 0, "connected to " + uri());
                attemptsSinceOpen = 0;
            }
        }
        if (change == null) {
            closeQuietly(link.session, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "attempt abandoned"));
            return;
        }
        if (number > 1) {
            meters.reconnects.add(1);
            LOG.log(quiet ? Level.DEBUG : Level.INFO, "Switchboard: client ''{0}'' reconnected to {1}", name(), uri());
        }
        notifyState(change);
        Connected hook = new Connected(link, number);
        for (ClientListener listener : listeners) {
            try {
                listener.onConnected(hook);
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "Switchboard: client ''" + name() + "'': an onConnected hook failed", failure);
            }
        }
        long tick = watchTick();
        synchronized (lock) {
            if (link != current) {
                return;
            }
            link.ready = true;
            link.timer = thread.scheduleWithFixedDelay(() -> watch(link), tick, tick, TimeUnit.NANOSECONDS);
            if (inFlight != null && inFlightOn != link) {
                // A write on an earlier connection that the container never reported: written again, here.
                inFlight = null;
                inFlightOn = null;
            }
        }
        pump(link);
    }

    private void connectFailed(Link link, Throwable failure) {
        synchronized (lock) {
            if (link != current || link.abandoned || state != ClientState.CONNECTING) {
                return;
            }
            link.timer.cancel(false);
            current = null;
        }
        meters.failedAttempts.add(1);
        HandshakeFailure refusal = HandshakeFailure.of(failure, link.responseHeaders, ZonedDateTime.now());
        String why = refusal.status() > 0
                ? "the handshake was refused with HTTP " + refusal.status()
                : "the connection failed (" + rootCause(failure) + ")";
        LOG.log(Level.DEBUG, "Switchboard: client ''{0}'': {1}", name(), why);
        react(Reaction.toRefusal(refusal.status(), refusal.retryAfter()), refusal.status(), why, link.token);
    }

    private void connectTimedOut(Link link) {
        synchronized (lock) {
            if (link != current || state != ClientState.CONNECTING) {
                return;
            }
            link.abandoned = true;
            current = null;
        }
        meters.failedAttempts.add(1);
        react(
                new Reaction(Reaction.Kind.BACK_OFF, null),
                0,
                "no handshake within connect-timeout " + options.connectTimeout(),
                link.token);
    }

    /** Any thread: the connection ended (close frame, error) or was given up. Ignored for a link no longer current. */
    void dropped(Link link, int code, String reason) {
        run(() -> {
            boolean healthy;
            synchronized (lock) {
                if (link != current || state != ClientState.OPEN) {
                    return;
                }
                current = null;
                watch = null;
                // inFlight stays: written() learns whether the message reached the socket before the drop.
                pumping = false;
                link.ready = false;
                link.timer.cancel(false);
                // A link that stayed up as long as the longest backoff was healthy: start the backoff afresh.
                healthy = clock.getAsLong() - link.openedAt >= backoff.max().toNanos();
                if (healthy) {
                    step = 0;
                }
                quietReconnect = !healthy;
            }
            // A server that drops every connection at once would fill the log: those drops, and the reconnects after
            // them, are logged at DEBUG.
            LOG.log(
                    healthy ? Level.INFO : Level.DEBUG,
                    "Switchboard: client ''{0}'' lost its connection to {1} ({2} {3})",
                    name(),
                    uri(),
                    String.valueOf(code),
                    reason == null ? "" : reason);
            react(Reaction.toClose(code, reason), code, reason, link.token);
        });
    }

    /** On the client's thread: what to do after a failure or a drop. */
    private void react(Reaction reaction, int code, String reason, String tokenOffered) {
        Duration delay;
        ClientStateChanged change;
        List<OutboundBuffer.Outgoing> unsent = List.of();
        synchronized (lock) {
            if (state.isFinal()) {
                return;
            }
            Reaction.Kind kind = reaction.kind();
            if (kind == Reaction.Kind.NEW_TOKEN && options.tokenSupplier() == null) {
                kind = Reaction.Kind.GIVE_UP;
                reason = reason + "; the server refused the token and the client has no TokenSupplier";
            }
            boolean outOfAttempts = options.maxAttempts() > 0 && step >= options.maxAttempts();
            if (outOfAttempts && kind != Reaction.Kind.NEW_TOKEN) {
                kind = Reaction.Kind.GIVE_UP;
                reason = reason + "; " + options.maxAttempts() + " attempts in a row failed";
            }
            switch (kind) {
                case GIVE_UP -> {
                    change = transition(ClientState.GAVE_UP, Duration.ZERO, code, reason);
                    unsent = buffer.drain();
                    delay = null;
                }
                case NEW_TOKEN -> {
                    refusedToken = tokenOffered;
                    delay = backoff.delay(step++);
                    change = transition(ClientState.WAITING_FOR_TOKEN, delay, code, reason);
                }
                default -> {
                    if (kind == Reaction.Kind.BACK_OFF_MORE) {
                        step = Math.max(step, Backoff.OVERLOADED_STEP);
                    }
                    delay = backoff.delay(step++);
                    if (kind == Reaction.Kind.RETRY_AFTER) {
                        // Honoured as the server asks, up to an hour, plus a jitter so that a crowd comes back spread.
                        delay = min(reaction.retryAfter(), MAX_RETRY_AFTER).plus(backoff.soon());
                    }
                    change = transition(ClientState.BACKING_OFF, delay, code, reason);
                }
            }
        }
        if (change.to() == ClientState.GAVE_UP) {
            LOG.log(Level.WARNING, "Switchboard: client ''{0}'' gave up on {1}: {2}", name(), uri(), reason);
            refuse(unsent, Reason.CLOSED, "Switchboard: client '" + name() + "' gave up: " + reason);
        }
        notifyState(change);
        if (change.to() == ClientState.WAITING_FOR_TOKEN) {
            schedule(this::lookForToken, delay);
        } else if (change.to() == ClientState.BACKING_OFF) {
            schedule(this::attempt, delay);
        }
    }

    /** On the client's thread: asks the supplier whether it has another token than the refused one. */
    private void lookForToken() {
        synchronized (lock) {
            if (state != ClientState.WAITING_FOR_TOKEN) {
                return;
            }
        }
        String token;
        try {
            token = options.tokenSupplier().token();
        } catch (RuntimeException failure) {
            token = refusedToken;
        }
        if (token != null && !token.equals(refusedToken)) {
            attempt();
            return;
        }
        Duration delay;
        synchronized (lock) {
            delay = backoff.delay(step++);
        }
        schedule(this::lookForToken, delay);
    }

    // --- sending -------------------------------------------------------------------------------------------------

    private CompletableFuture<Void> send(OutboundBuffer.Outgoing outgoing) {
        Reason refusal = null;
        String why = null;
        boolean start = false;
        Link link = null;
        synchronized (lock) {
            if (state.isFinal()) {
                refusal = Reason.CLOSED;
                why = state == ClientState.CLOSED ? "is closed" : "gave up; call connect() to start again";
            } else if (outgoing.size > options.maxMessageSize()) {
                refusal = Reason.TOO_BIG;
                why = "refuses a message of " + outgoing.size + " bytes over max-message-size "
                        + options.maxMessageSize();
            } else if (state != ClientState.OPEN
                    && options.bufferPolicy() == io.switchboard.client.BufferPolicy.FAIL_FAST) {
                refusal = Reason.NOT_CONNECTED;
                why = "is not connected (" + state + ") and its buffer.policy is fail-fast";
                start = state == ClientState.IDLE;
            } else if (!buffer.fits(outgoing.size)) {
                refusal = Reason.BUFFER_FULL;
                why = "holds " + buffer.size() + " messages (" + buffer.bytes() + " bytes), its buffer's bound";
            } else {
                buffer.add(outgoing);
                start = state == ClientState.IDLE;
                link = current != null && current.ready ? current : null;
            }
        }
        if (start) {
            connect();
        }
        if (refusal != null) {
            meters.dropped(refusal, 1);
            return CompletableFuture.failedFuture(
                    new SendRefusedException(refusal, "Switchboard: client '" + name() + "' " + why));
        }
        if (link != null) {
            pump(link);
        }
        return outgoing.done;
    }

    /**
     * Writes the buffer's head if nothing is in flight. A write that completes at once calls back into this method on
     * the same thread; {@code pumping} turns that recursion into this loop.
     */
    private void pump(Link link) {
        for (; ; ) {
            OutboundBuffer.Outgoing next;
            synchronized (lock) {
                if (pumping) {
                    pumpAgain = true;
                    return;
                }
                if (link != current || !link.ready || inFlight != null || buffer.head() == null) {
                    return;
                }
                next = buffer.head();
                inFlight = next;
                inFlightOn = link;
                watch.writeStarted(clock.getAsLong());
                pumping = true;
                pumpAgain = false;
            }
            try {
                if (next.text != null) {
                    link.session.getAsyncRemote().sendText(next.text, result -> written(link, next, result));
                } else {
                    link.session.getAsyncRemote().sendBinary(next.bytes(), result -> written(link, next, result));
                }
            } catch (RuntimeException failure) {
                written(link, next, new SendResult(failure));
            }
            synchronized (lock) {
                pumping = false;
                if (!pumpAgain) {
                    return;
                }
            }
        }
    }

    /**
     * The container reported a write, possibly after the link dropped. A message that reached the socket leaves the
     * buffer even then (sending it again would double it); one that did not stays at the head for the next connection.
     */
    private void written(Link link, OutboundBuffer.Outgoing outgoing, SendResult result) {
        boolean sent;
        boolean onCurrent;
        Link next;
        synchronized (lock) {
            if (inFlight != outgoing || inFlightOn != link) {
                return;
            }
            inFlight = null;
            inFlightOn = null;
            onCurrent = link == current;
            if (onCurrent) {
                watch.writeEnded();
            }
            // The head, unless close() or giving up drained the buffer meanwhile (and failed the message's future).
            sent = result.isOK() && buffer.head() == outgoing;
            if (sent) {
                buffer.removeHead();
            }
            next = current;
        }
        if (sent) {
            meters.sent.add(1);
            outgoing.done.complete(null);
        }
        if (onCurrent && !result.isOK()) {
            // The connection broke under the write: the message stays at the head for the next connection.
            abort(link, "a write failed (" + rootCause(result.getException()) + ")");
        } else if (next != null) {
            pump(next);
        }
    }

    // --- receiving and watching ----------------------------------------------------------------------------------

    void receivedText(Link link, String text) {
        // Tyrus (Java SE, Payara) applies setMaxTextMessageBufferSize to partial messages only and hands a larger
        // whole message to the handler, so the limit is kept here. A third of the limit in chars fits in any case.
        long size = text.length() > options.maxMessageSize() / 3 ? Utf8Length.of(text) : text.length();
        if (size > options.maxMessageSize()) {
            tooBig(link, size);
            return;
        }
        meters.received.add(1);
        for (ClientListener listener : listeners) {
            try {
                listener.onText(text);
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "Switchboard: client ''" + name() + "'': a text handler failed", failure);
            }
        }
    }

    void receivedBinary(Link link, ByteBuffer bytes) {
        if (bytes.remaining() > options.maxMessageSize()) {
            tooBig(link, bytes.remaining());
            return;
        }
        meters.received.add(1);
        ByteBuffer readOnly = bytes.asReadOnlyBuffer();
        for (ClientListener listener : listeners) {
            try {
                listener.onBinary(readOnly.duplicate());
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "Switchboard: client ''" + name() + "'': a binary handler failed", failure);
            }
        }
    }

    /** A message over {@code max-message-size} arrived: the link is closed with 1009 and replaced. */
    private void tooBig(Link link, long size) {
        dropped(
                link,
                CloseReason.CloseCodes.TOO_BIG.getCode(),
                "received " + size + " bytes, over max-message-size " + options.maxMessageSize());
        try {
            connector.execute(() ->
                    closeQuietly(link.session, new CloseReason(CloseReason.CloseCodes.TOO_BIG, "message too big")));
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The client is closed, and closed the session.
        }
    }

    void ponged(Link link) {
        long rtt;
        synchronized (lock) {
            rtt = link == current && watch != null ? watch.ponged(clock.getAsLong()) : -1;
        }
        if (rtt >= 0) {
            meters.roundTrip.record(rtt);
        }
    }

    /** On the client's thread, every tick while open: pings, and gives up a link that stopped answering. */
    private void watch(Link link) {
        LinkWatch.Verdict verdict;
        synchronized (lock) {
            if (link != current || watch == null) {
                return;
            }
            verdict = watch.verdict(clock.getAsLong());
            if (verdict == LinkWatch.Verdict.PING) {
                watch.pinged(clock.getAsLong());
            }
        }
        switch (verdict) {
            case PING -> {
                try {
                    link.session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
                } catch (IllegalStateException busy) {
                    // JSR 356 lets a container refuse a send while another is in flight: ping at the next tick.
                    synchronized (lock) {
                        if (watch != null && link == current) {
                            watch.pingRefused();
                        }
                    }
                } catch (Exception failure) {
                    abort(link, "a ping failed (" + rootCause(failure) + ")");
                }
            }
            case NO_PONG -> abort(link, "no pong within heartbeat.timeout " + options.pongTimeout());
            case WRITE_STUCK -> abort(link, "a write took longer than send-timeout " + options.sendTimeout());
            default -> {}
        }
    }

    /** Gives a link up from this side: closes its socket off the client's thread and reconnects at once. */
    private void abort(Link link, String why) {
        dropped(link, CloseReason.CloseCodes.CLOSED_ABNORMALLY.getCode(), why);
        connector.execute(
                () -> closeQuietly(link.session, new CloseReason(CloseReason.CloseCodes.GOING_AWAY, "link given up")));
    }

    // --- plumbing ------------------------------------------------------------------------------------------------

    private ClientStateChanged transition(ClientState to, Duration delay, int code, String reason) {
        ClientState from = state;
        state = to;
        // Waiting states belong to the attempt that comes next; the others to the attempt under way (or that opened).
        int attempt = to == ClientState.BACKING_OFF || to == ClientState.WAITING_FOR_TOKEN
                ? attemptsSinceOpen + 1
                : Math.max(1, attemptsSinceOpen);
        return new ClientStateChanged(name(), from, to, attempt, delay, code, reason);
    }

    private void notifyState(ClientStateChanged change) {
        for (ClientListener listener : listeners) {
            try {
                listener.onStateChanged(change);
            } catch (RuntimeException failure) {
                LOG.log(Level.WARNING, "Switchboard: client ''" + name() + "'': a state listener failed", failure);
            }
        }
    }

    private void refuse(List<OutboundBuffer.Outgoing> unsent, Reason reason, String why) {
        if (!unsent.isEmpty()) {
            meters.dropped(reason, unsent.size());
            OutboundBuffer.fail(unsent, reason, why);
        }
    }

    /** Hands a task to the client's thread; {@code false} once the client is closed. */
    private boolean run(Runnable task) {
        try {
            thread.execute(task);
            return true;
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The client is closed; nothing is left to decide.
            return false;
        }
    }

    private void schedule(Runnable task, Duration delay) {
        try {
            thread.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // The client is closed.
        }
    }

    /** How often the watchdog looks: a quarter of the shortest deadline it keeps, between 5 ms and 1 s. */
    private long watchTick() {
        long shortest =
                Math.min(options.sendTimeout().toNanos(), options.pongTimeout().toNanos());
        if (!options.heartbeatInterval().isZero()) {
            shortest = Math.min(shortest, options.heartbeatInterval().toNanos());
        }
        return Math.max(TimeUnit.MILLISECONDS.toNanos(5), Math.min(TimeUnit.SECONDS.toNanos(1), shortest / 4));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void closeQuietly(Session session, CloseReason reason) {
        if (session == null) {
            return;
        }
        try {
            session.close(reason);
        } catch (Exception | LinkageError ignored) {
            // Closing a broken connection may fail; it is gone either way.
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    /** What {@link ClientListener#onConnected} gets: sends straight on the new connection, ahead of the buffer. */
    private final class Connected implements ClientConnected {
        private final Link link;
        private final long number;

        Connected(Link link, long number) {
            this.link = link;
            this.number = number;
        }

        @Override
        public String client() {
            return name();
        }

        @Override
        public long connections() {
            return number;
        }

        @Override
        public String subprotocol() {
            String chosen = link.session.getNegotiatedSubprotocol();
            return chosen == null ? "" : chosen;
        }

        @Override
        public void sendText(String text) {
            await(link.session.getAsyncRemote().sendText(text));
        }

        @Override
        public void sendBinary(ByteBuffer bytes) {
            await(link.session.getAsyncRemote().sendBinary(bytes));
        }

        private void await(java.util.concurrent.Future<Void> write) {
            try {
                write.get(options.sendTimeout().toNanos(), TimeUnit.NANOSECONDS);
                meters.sent.add(1);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new SendRefusedException(Reason.CLOSED, "Switchboard: client '" + name() + "' is closing");
            } catch (Exception failure) {
                abort(link, "a write in onConnected failed (" + rootCause(failure) + ")");
                throw new SendRefusedException(
                        Reason.NOT_CONNECTED,
                        "Switchboard: client '" + name() + "' lost the connection in onConnected");
            }
        }
    }

    /** Builds a {@link ReconnectingClient}. */
    public static final class Builder {
        /** How long a refused handshake's headers may lag behind its failure (Tyrus); see {@link Link}. */
        private static final Duration RESPONSE_HEADERS_WAIT = Duration.ofMillis(200);

        private final ClientOptions options;
        private final List<ClientListener> listeners = new ArrayList<>();
        private MetricsBackend metrics = ClientMeters.none();
        private WebSocketContainer container;
        private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();
        private LongSupplier clock = System::nanoTime;

        private Builder(ClientOptions options) {
            this.options = Objects.requireNonNull(options, "options");
        }

        /**
         * Adds callbacks.
         *
         * @param listener the callbacks
         * @return this
         */
        public Builder listener(ClientListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Where the client's metrics go; none by default.
         *
         * @param backend the backend
         * @return this
         */
        public Builder metrics(MetricsBackend backend) {
            this.metrics = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * The JSR 356 container to connect with; {@link ContainerProvider#getWebSocketContainer()} by default.
         *
         * @param webSocketContainer the container
         * @return this
         */
        public Builder container(WebSocketContainer webSocketContainer) {
            this.container = webSocketContainer;
            return this;
        }

        /**
         * The source of jitter, uniform in {@code [0, 1)}: for tests that check the schedule.
         *
         * @param uniform the source
         * @return this
         */
        public Builder random(DoubleSupplier uniform) {
            this.random = Objects.requireNonNull(uniform, "uniform");
            return this;
        }

        /**
         * Builds the client; it starts connecting at once unless {@code connect} is {@code lazy}.
         *
         * @return the client
         */
        public ReconnectingClient open() {
            return new ReconnectingClient(this);
        }
    }
}
