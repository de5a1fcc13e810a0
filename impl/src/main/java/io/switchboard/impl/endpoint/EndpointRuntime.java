package io.switchboard.impl.endpoint;

import io.switchboard.Room;
import io.switchboard.impl.cdi.LazyBean;
import io.switchboard.impl.config.HistorySettings;
import io.switchboard.impl.config.LivenessSettings;
import io.switchboard.impl.config.MessageSizeLimits;
import io.switchboard.impl.config.SendQueueSettings;
import io.switchboard.impl.delivery.Fanout;
import io.switchboard.impl.delivery.MessageEncoder;
import io.switchboard.impl.limit.EndpointLimits;
import io.switchboard.impl.limit.Tallies;
import io.switchboard.impl.metrics.EndpointMeters;
import io.switchboard.impl.metrics.SwitchboardMetrics;
import io.switchboard.impl.room.RoomRegistry;
import io.switchboard.impl.security.HandshakeGuard;
import io.switchboard.impl.session.SessionRegistry;
import io.switchboard.impl.tracing.EndpointTracing;
import io.switchboard.impl.tracing.SwitchboardTracing;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * One bridged endpoint of a deployment: its model and the per-deployment services every connection to it
 * uses. CDI is looked up on first use, from a container thread of the deployment.
 */
final class EndpointRuntime {

    private final EndpointModel model;
    private final UserInstances instances;
    private final LivenessSettings liveness;
    private final SendQueueSettings sendQueue;
    private final HistorySettings history;
    private final MessageSizeLimits messageSizes;
    private final EndpointLimits limits;
    private final LazyBean<Tallies> tallies = new LazyBean<>(Tallies.class);
    private final String roomParameter;
    private final boolean userHandlesPongs;
    private final RequestScope requestScope = new RequestScope();
    /** The deployment's class loader, current when the endpoint is deployed. */
    private final ClassLoader applicationLoader;

    private final LazyBean<SessionRegistry> registry = new LazyBean<>(SessionRegistry.class);
    private final LazyBean<RoomRegistry> rooms = new LazyBean<>(RoomRegistry.class);
    private final LazyBean<Fanout> fanout = new LazyBean<>(Fanout.class);
    private final LazyBean<SwitchboardMetrics> metrics = new LazyBean<>(SwitchboardMetrics.class);
    private final LazyBean<SwitchboardTracing> tracingBean = new LazyBean<>(SwitchboardTracing.class);
    /** The endpoint's tracing, looked up with the first handshake. */
    private volatile EndpointTracing tracing;
    /** Created with the first session, from {@link #endpointConfig}; guarded by this. */
    private MessageEncoder encoder;

    private volatile ServerEndpointConfig endpointConfig;
    private final HandshakeGuard guard;

    EndpointRuntime(
            EndpointModel model,
            EndpointSettings settings,
            ServerEndpointConfig.Configurator userConfigurator,
            HandshakeGuard guard) {
        this.model = model;
        this.guard = guard;
        ClassLoader deploying = Thread.currentThread().getContextClassLoader();
        this.applicationLoader = deploying != null ? deploying : model.type().getClassLoader();
        this.instances = new UserInstances(model.type(), userConfigurator);
        this.liveness = settings.liveness();
        this.sendQueue = settings.sendQueue();
        this.history = settings.history();
        this.roomParameter = roomParameter(model);
        this.limits = settings.limits();
        this.messageSizes = settings.messageSizes();
        this.userHandlesPongs = model.messageMethods().stream().anyMatch(m -> m.frame() == MessageMethod.Frame.PONG);
    }

    /**
     * The path parameter of the endpoint's {@code @Room}, checked against its path.
     *
     * @throws IllegalArgumentException if the path has no such parameter
     */
    private static String roomParameter(EndpointModel model) {
        Room room = model.type().getAnnotation(Room.class);
        if (room == null) {
            return null;
        }
        String path = model.annotation().value();
        if (room.value().isBlank() || !path.contains("{" + room.value() + "}")) {
            throw new IllegalArgumentException("Switchboard: bad @Room on endpoint " + model.id() + ": its path " + path
                    + " has no parameter {" + room.value() + "}");
        }
        return room.value();
    }

    /** The path parameter naming the room every session joins, or {@code null} without {@code @Room}. */
    String roomParameter() {
        return roomParameter;
    }

    EndpointLimits limits() {
        return limits;
    }

    /** Whether sessions of this endpoint are counted or rate-limited at all. */
    boolean limited() {
        return limits.connections().any() || !limits.rates().isEmpty();
    }

    Tallies tallies() {
        return tallies.get();
    }

    /**
     * The largest message one method accepts: its own {@code @OnMessage(maxMessageSize)}, else the endpoint's
     * limit for its frame type; 0 for none of Switchboard's.
     */
    long maxMessageSize(MessageMethod method) {
        if (method.maxMessageSize() > 0) {
            return method.maxMessageSize();
        }
        return switch (method.frame()) {
            case TEXT -> messageSizes.text();
            case BINARY -> messageSizes.binary();
            default -> 0;
        };
    }

    /**
     * When a principal's credentials expire, clock skew included.
     *
     * @param principal the session's principal, or {@code null}
     * @return epoch milliseconds, or 0 for never
     */
    long credentialsExpiry(java.security.Principal principal) {
        return guard.expiryOf(principal);
    }

    SendQueueSettings sendQueue() {
        return sendQueue;
    }

    HistorySettings history() {
        return history;
    }

    /**
     * Names the config the endpoint is deployed with; its encoders are initialised with it (as the user sees it).
     *
     * @param config the config passed to {@code ServerContainer.addEndpoint}
     */
    void endpointConfig(ServerEndpointConfig config) {
        this.endpointConfig = config;
    }

    /**
     * The endpoint's encoders, shared by every session (see {@link MessageEncoder} for why not one set per session):
     * created and initialised with the endpoint's config when the first session opens, so before their first use,
     * and destroyed once as the application stops, after every session has ended.
     */
    synchronized MessageEncoder encoder() {
        if (encoder == null) {
            ServerEndpointConfig config = endpointConfig;
            encoder = MessageEncoder.of(config.getEncoders(), new UserEndpointConfig(config, model.type()));
            registry().atStop(encoder::destroy);
        }
        return encoder;
    }

    /** The endpoint's instruments, for what happens before a session exists (refused handshakes). */
    EndpointMeters meters() {
        return metrics.get().endpoint(model.id());
    }

    /** The endpoint's tracing: {@link EndpointTracing#OFF} unless its {@code tracing.enabled} is on. */
    EndpointTracing tracing() {
        EndpointTracing found = tracing;
        if (found == null) {
            found = tracingBean.get().endpoint(model.id(), model.annotation().value());
            tracing = found;
        }
        return found;
    }

    RoomRegistry rooms() {
        return rooms.get();
    }

    Fanout fanout() {
        return fanout.get();
    }

    LivenessSettings liveness() {
        return liveness;
    }

    /** Whether the user endpoint has its own {@code PongMessage} method (else the bridge adds a handler). */
    boolean userHandlesPongs() {
        return userHandlesPongs;
    }

    EndpointModel model() {
        return model;
    }

    UserInstances instances() {
        return instances;
    }

    RequestScope requestScope() {
        return requestScope;
    }

    /**
     * Runs work with the deployment's class loader as the thread's context class loader, as the container does for
     * an annotated endpoint's callbacks. Undertow calls a programmatic endpoint's {@code onClose} and {@code onError}
     * directly on its I/O thread when the server started the close, outside the deployment's context: there
     * {@code CDI.current()}, and the application's own lookups in {@code @OnClose}, would fail.
     *
     * @param work what to run
     */
    void inApplication(Runnable work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous == applicationLoader) {
            work.run();
            return;
        }
        thread.setContextClassLoader(applicationLoader);
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    SessionRegistry registry() {
        return registry.get();
    }
}
