package io.switchboard.impl.endpoint;

import io.switchboard.CloseCategory;
import io.switchboard.RateLimited;
import io.switchboard.SessionError;
import io.switchboard.impl.handshake.Admission;
import io.switchboard.impl.handshake.HandshakeProperties;
import io.switchboard.impl.handshake.HandshakeRefusal;
import io.switchboard.impl.metrics.MessageKind;
import io.switchboard.impl.metrics.Rejection;
import io.switchboard.impl.session.JulLevels;
import io.switchboard.impl.session.Peer;
import io.switchboard.impl.session.TrackedSession;
import io.switchboard.impl.tracing.EndpointTracing;
import io.switchboard.impl.tracing.TraceSpan;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DecodeException;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import java.io.IOException;
import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The endpoint the container really runs for a bridged user endpoint, one instance per connection. It sees
 * every session whatever the user's methods declare, tracks it, and calls the user's annotated methods with
 * the arguments and semantics of an annotated endpoint: an exception from a callback goes to the user's
 * {@code @OnError}, a return value from {@code @OnMessage} is sent back.
 */
public final class BridgeEndpoint extends Endpoint implements MessageMethod.Receiver {

    private static final Logger LOG = Logger.getLogger(BridgeEndpoint.class.getName());

    private final EndpointRuntime runtime;
    private final EndpointModel model;
    // Written on open by the container's thread, read by the sweeper's closer when it ends the session.
    private volatile UserInstances.Handle user;
    private volatile Session session;
    private volatile EndpointConfig userConfig;
    private volatile TrackedSession tracked;
    private volatile Decoding decoding;
    private final InboundChecks inbound = new InboundChecks();
    private volatile String limitPrincipal;
    private volatile String limitAddress;
    private final AtomicBoolean countedIn = new AtomicBoolean();
    /** Refused by a connection limit after the upgrade: none of the user's callbacks run. */
    private volatile boolean refused;

    private final SessionEnd ending;
    /** The endpoint's tracing, set on open; {@link EndpointTracing#OFF} until then. */
    private volatile EndpointTracing tracing = EndpointTracing.OFF;
    /** The handshake span's context, which the callback spans link to; {@code null} when not traced. */
    private volatile Object handshakeSpan;

    BridgeEndpoint(EndpointRuntime runtime) {
        this.runtime = runtime;
        this.model = runtime.model();
        this.ending = new SessionEnd(
                new EndSteps(), () -> model.id() + " for session " + (session == null ? "?" : session.getId()));
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        this.session = session;
        EndpointTracing traced = runtime.tracing();
        if (traced.on()) {
            tracing = traced;
            handshakeSpan = session.getUserProperties().remove(EndpointTracing.HANDSHAKE);
        }
        this.userConfig = config instanceof jakarta.websocket.server.ServerEndpointConfig server
                ? new UserEndpointConfig(server, model.type())
                : config;
        RequestContextController scope = runtime.requestScope().enter();
        try {
            user = runtime.instances().create();
            tracked = runtime.registry()
                    .opened(
                            session,
                            model.id(),
                            model.type(),
                            peer(session),
                            runtime.liveness(),
                            runtime.sendQueue(),
                            runtime.history(),
                            runtime.encoder(),
                            ending);
            Admission.Refusal refusal = HandshakeRefusal.of(session.getUserProperties());
            if (refusal != null) {
                // Refused during a handshake no filter saw, by a container that cannot refuse there (already
                // counted by the configurator).
                refused = true;
                tracked.close(refusal.closeCategory(), refusal.phrase());
                return;
            }
            if (runtime.limited() && !countIn()) {
                refused = true;
                tracked.meters().rejected(Rejection.LIMITS);
                tracked.close(CloseCategory.CONNECTION_LIMIT, "Connection limit reached; try again later");
                return;
            }
            joinRoom();
        } catch (InstantiationException e) {
            throw new IllegalStateException(
                    "Switchboard: cannot create " + model.type().getName(), e);
        } finally {
            runtime.requestScope().exit(scope);
        }
        if (model.messageMethods().stream().anyMatch(m -> m.decodedType() != null)) {
            // One set per session, as Tyrus and Undertow keep theirs (decoding has no broadcast to share), initialised
            // with the config the user's code sees; destroyed with the user's instance, after @OnClose.
            decoding = Decoding.create(userConfig);
        }
        for (MessageMethod method : model.messageMethods()) {
            applyMaxMessageSize(method);
            method.addTo(session, this);
        }
        if (!runtime.userHandlesPongs()) {
            TrackedSession liveness = tracked;
            session.addMessageHandler(PongMessage.class, pong -> liveness.pong(pong.getApplicationData()));
        }
        if (ending.started()) {
            // Undertow can report the end of a connection reset during the handshake on another thread while
            // this method still runs: the end may have found nothing registered then, so the entry is removed here.
            ending.leaveIfEnded();
            return;
        }
        if (model.onOpen() != null) {
            call(model.onOpen(), Invocation.open(session, userConfig), "on_open", null);
        }
    }

    /** What the handshake established about the peer: its address, and whom it was admitted as until when. */
    private Peer peer(Session session) {
        Map<String, Object> properties = session.getUserProperties();
        Principal principal = HandshakeProperties.principal(properties);
        if (principal == null) {
            principal = session.getUserPrincipal();
        }
        return new Peer(
                (String) properties.get(HandshakeProperties.REMOTE_ADDRESS),
                principal,
                runtime.credentialsExpiry(principal));
    }

    /**
     * Counts the session in against the connection limits and gives it its rate limiter.
     *
     * @return whether it is within the connection limits
     */
    private boolean countIn() {
        limitPrincipal = tracked.principal().map(Principal::getName).orElse(null);
        limitAddress = tracked.remoteAddress().map(BridgeEndpoint::host).orElse(null);
        countedIn.set(true);
        boolean within = runtime.limits().open(runtime.tallies(), limitPrincipal, limitAddress);
        inbound.limiter(runtime.limits().limiter(runtime.tallies(), limitPrincipal, limitAddress));
        return within;
    }

    private static String host(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
    }

    /** Joins the room of the endpoint's {@code @Room}, before the user's {@code @OnOpen} runs. */
    private void joinRoom() {
        String parameter = runtime.roomParameter();
        if (parameter == null) {
            return;
        }
        String room = session.getPathParameters().get(parameter);
        tracked.homeRoom(room);
        runtime.rooms().joinHome(tracked, room);
    }

    /**
     * Lets the container refuse an oversized whole message before buffering it. Not for partial methods: the bridge
     * counts their parts itself, and a container that refused a large frame on its own (Undertow closes with 1009)
     * would report the end as an abnormal close, not as the size limit it is.
     */
    private void applyMaxMessageSize(MessageMethod method) {
        long max = runtime.maxMessageSize(method);
        if (max <= 0 || method.partial()) {
            return;
        }
        int size = (int) Math.min(max, Integer.MAX_VALUE);
        switch (method.frame()) {
            case TEXT -> session.setMaxTextMessageBufferSize(size);
            case BINARY -> session.setMaxBinaryMessageBufferSize(size);
            default -> {}
        }
    }

    @Override
    public void onMessage(MessageMethod method, Object message, boolean last) {
        if (message instanceof PongMessage pong) {
            tracked.pong(pong.getApplicationData());
        } else {
            tracked.touch();
        }
        if (refused) {
            return;
        }
        long max = runtime.maxMessageSize(method);
        if (method.frame() != MessageMethod.Frame.PONG) {
            long size = MessageSizes.of(message);
            tracked.meters()
                    .received(
                            method.frame() == MessageMethod.Frame.TEXT ? MessageKind.TEXT : MessageKind.BINARY,
                            size,
                            last);
            switch (inbound.check(size, last, max)) {
                case DROP -> {
                    tracked.meters().rateLimited();
                    runtime.registry()
                            .fire(new RateLimited(tracked, inbound.exceeded().scope()), tracked);
                    return;
                }
                case CLOSE_RATE_LIMITED -> {
                    tracked.meters().rateLimited();
                    tracked.close(CloseCategory.RATE_LIMITED, "Rate limit exceeded");
                    return;
                }
                case CLOSE_TOO_BIG -> {
                    closeTooBig(max);
                    return;
                }
                default -> {}
            }
        }
        // Streams always go through LimitedStreams, limited or not: it tells a failed read from the endpoint's bug.
        // Only streams: the close action is not allocated for every message.
        Object delivered = LimitedStreams.streamed(message)
                ? LimitedStreams.limit(message, max > 0 ? max : Long.MAX_VALUE, () -> closeTooBig(max))
                : message;
        if (method.decodedType() != null) {
            try {
                delivered = decoding.decode(method.decodedType(), delivered);
            } catch (DecodeException e) {
                failed(session, e, false);
                return;
            }
        }
        Object result = call(
                method.callback(),
                Invocation.message(session, delivered, last),
                "on_message",
                tracing.on() ? messageType(method) : null);
        if (result != null && !ending.started()) {
            try {
                runtime.fanout().send(tracked, tracked.encoder().encode(result));
            } catch (EncodeException e) {
                failed(session, e, true);
            }
        }
    }

    private void closeTooBig(long max) {
        tracked.close(CloseCategory.TOO_BIG, "Message too big; the limit is " + max + " bytes");
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        runtime.inApplication(() -> ending.end(closeReason));
    }

    /** The steps of the session's end, which {@link SessionEnd} puts in order. */
    private final class EndSteps implements SessionEnd.Steps {
        @Override
        public void closeCallback(CloseReason reason) {
            if (model.onClose() != null && user != null && !refused) {
                invoke(model.onClose(), Invocation.close(session, reason), "on_close", null);
            }
        }

        @Override
        public boolean registered() {
            return tracked != null;
        }

        @Override
        public void leave(CloseReason reason) {
            leaveRegistry(reason);
        }
    }

    /**
     * After {@code @OnClose} has returned (see {@link SessionEnd}), once: leaves the registry (firing the close
     * event), leaves the rooms, destroys the user instance, releases the limits.
     */
    private void leaveRegistry(CloseReason closeReason) {
        TrackedSession entry = tracked;
        RequestContextController scope = null;
        try {
            scope = runtime.requestScope().enter();
            runtime.registry().closed(entry, closeReason);
            if (!entry.roomNames().isEmpty()) {
                runtime.rooms().leaveAll(entry);
            }
            if (user != null) {
                destroyUserInstance();
            }
        } finally {
            // Released whatever failed above: a session that never gives its connection back would hold it forever.
            if (countedIn.compareAndSet(true, false)) {
                runtime.limits().close(runtime.tallies(), limitPrincipal, limitAddress);
            }
            runtime.requestScope().exit(scope);
        }
    }

    private void destroyUserInstance() {
        if (decoding != null) {
            decoding.destroy();
        }
        try {
            user.destroy();
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    e,
                    () -> "Switchboard: destroying " + model.id() + " for session " + session.getId() + " failed");
        }
    }

    @Override
    public void onError(Session session, Throwable error) {
        runtime.inApplication(() -> failed(session, error, false));
    }

    /**
     * Handles an error once: categorised, reported as {@link SessionError}, logged, then handed to the user's
     * {@code @OnError}; without one, the session is closed with the category's code (a broken connection ends by
     * itself).
     *
     * @param fromCode whether the endpoint's own code threw it
     */
    private void failed(Session session, Throwable error, boolean fromCode) {
        if (ending.started()) {
            LOG.log(Level.FINE, error, () -> "Switchboard: error after the end of session " + session.getId());
            return;
        }
        CloseCategory category = ErrorCategories.of(error, fromCode);
        TrackedSession entry = tracked;
        if (category == CloseCategory.SERVER_ERROR
                && (LimitedStreams.isReadFailure(error)
                        || error instanceof IOException && (!session.isOpen() || entry != null && !entry.isOpen()))) {
            // The endpoint's read of a streamed message failed because the session was already closing: closed by
            // the container (Tyrus closes with 1009 itself when a streamed message passes its buffer size, and wakes
            // the blocked read before its session stops reporting itself open: a LimitedStreams.ReadFailed), or by
            // Switchboard while the read waited for the rest of the message (an expired token, say). That close
            // reports why; this is not a server error, and there is nothing left to close.
            category = CloseCategory.CONNECTION_LOST;
        }
        if (entry != null) {
            entry.meters().error(category);
            runtime.registry().fire(new SessionError(entry, category, error), entry);
        }
        boolean handled = model.onError() != null && user != null;
        logError(session, error, category, handled);
        if (!handled) {
            if (entry != null && category != CloseCategory.CONNECTION_LOST) {
                entry.close(category, ErrorCategories.reason(category));
            }
            return;
        }
        RequestContextController scope = runtime.requestScope().enter();
        TraceSpan span = traced("on_error", null);
        span.failed(error);
        try {
            model.onError().invoke(user.instance(), Invocation.error(session, error));
        } catch (Throwable thrown) {
            LOG.log(
                    Level.INFO,
                    thrown,
                    () -> "Switchboard: @OnError of " + model.id() + " threw, session " + session.getId());
        } finally {
            runtime.requestScope().exit(scope);
            span.close();
        }
    }

    /**
     * One log line per error: at the category's level when Switchboard handles it, at FINE when the endpoint's
     * {@code @OnError} does. A stack trace only for the server's own failures; a peer's bad data or vanishing is
     * routine (Undertow reports every reset connection as an error).
     */
    private void logError(Session session, Throwable error, CloseCategory category, boolean handled) {
        Level level = handled ? Level.FINE : JulLevels.of(category.logLevel());
        boolean trace = category == CloseCategory.SERVER_ERROR;
        LOG.log(
                level,
                trace ? error : null,
                () -> "Switchboard: " + category.tag() + " in endpoint " + model.id()
                        + ", session " + session.getId() + (handled ? " (to @OnError)" : "")
                        + (trace ? "" : ": " + error));
    }

    /** Calls an open or message callback, unless the session has ended; a failure goes to {@code @OnError}. */
    private Object call(Callback callback, Invocation invocation, String span, String messageType) {
        if (ending.started()) {
            return null;
        }
        tracked.callbackStarted();
        try {
            return invoke(callback, invocation, span, messageType);
        } finally {
            tracked.callbackEnded();
        }
    }

    private Object invoke(Callback callback, Invocation invocation, String span, String messageType) {
        RequestContextController scope = runtime.requestScope().enter();
        Object room = enterRoom();
        TraceSpan traced = traced(span, messageType);
        try {
            return callback.invoke(user.instance(), invocation);
        } catch (Throwable failed) {
            traced.failed(failed);
            failed(invocation.session(), failed, true);
            return null;
        } finally {
            traced.close();
            exitRoom(room);
            runtime.requestScope().exit(scope);
        }
    }

    /** A callback's span when the endpoint is traced, else {@link TraceSpan#NONE} for the cost of a field read. */
    private TraceSpan traced(String span, String messageType) {
        EndpointTracing current = tracing;
        return current.on() ? current.callback(span, session.getId(), messageType, handshakeSpan) : TraceSpan.NONE;
    }

    /** The type a message span names: the decoded class's simple name, else the frame type; never the contents. */
    static String messageType(MessageMethod method) {
        return method.decodedType() != null
                ? method.decodedType().getSimpleName()
                : method.frame().name().toLowerCase(Locale.ROOT);
    }

    /** Makes the session's room current for {@code @RoomScoped} beans (see TrackedSession#callbackRoom). */
    private Object enterRoom() {
        return runtime.rooms().enterCallback(tracked);
    }

    private void exitRoom(Object previous) {
        runtime.rooms().exitCallback(previous);
    }
}
