package io.switchboard.impl.endpoint;

import io.switchboard.ConnectionLimits;
import io.switchboard.Heartbeat;
import io.switchboard.IdleTimeout;
import io.switchboard.MaxMessageSize;
import io.switchboard.RateLimit;
import io.switchboard.RoomHistory;
import io.switchboard.SendQueue;
import io.switchboard.impl.config.HistorySettings;
import io.switchboard.impl.config.LivenessSettings;
import io.switchboard.impl.config.MessageSizeLimits;
import io.switchboard.impl.config.SendQueueSettings;
import io.switchboard.impl.config.Settings;
import io.switchboard.impl.delivery.FastPaths;
import io.switchboard.impl.limit.ConnectionLimitSettings;
import io.switchboard.impl.limit.EndpointLimits;
import io.switchboard.impl.limit.RateLimitSettings;
import io.switchboard.impl.metrics.SwitchboardMetrics;
import io.switchboard.impl.security.EndpointSecurity;
import io.switchboard.impl.session.ShutdownSettings;
import io.switchboard.impl.tracing.SwitchboardTracing;

/**
 * Everything one endpoint is configured with, read and checked at once when it is deployed: a bad value fails the
 * deployment there, with a message naming the endpoint, the key and the value, rather than when a session opens.
 *
 * @param security     who may connect, and from where
 * @param liveness     heartbeats and idle timeout
 * @param sendQueue    the bounds of each session's send queue
 * @param messageSizes the largest messages accepted
 * @param limits       rate and connection limits
 * @param history      how much history the rooms its sessions join keep
 */
public record EndpointSettings(
        EndpointSecurity security,
        LivenessSettings liveness,
        SendQueueSettings sendQueue,
        MessageSizeLimits messageSizes,
        EndpointLimits limits,
        HistorySettings history) {

    /**
     * Reads and checks an endpoint's settings, and the deployment-wide keys that are read later (the fast path at
     * each open, the drain timeout at shutdown, the endpoint's metrics and tracing switches when they are first used), so that a bad
     * value of those fails the deployment too.
     *
     * @param settings the deployment's settings
     * @param model    the endpoint
     * @return its settings
     * @throws IllegalArgumentException naming the endpoint, the key and the value of the first bad setting
     */
    public static EndpointSettings read(Settings settings, EndpointModel model) {
        Settings.Endpoint endpoint = settings.endpoint(model.id());
        Class<?> type = model.type();
        EndpointSecurity security = EndpointSecurity.of(endpoint, type);
        LivenessSettings liveness = LivenessSettings.read(
                endpoint, type.getAnnotation(Heartbeat.class), type.getAnnotation(IdleTimeout.class));
        SendQueueSettings sendQueue = SendQueueSettings.read(endpoint, type.getAnnotation(SendQueue.class));
        EndpointLimits limits = new EndpointLimits(
                model.id(),
                RateLimitSettings.read(endpoint, type.getAnnotationsByType(RateLimit.class)),
                ConnectionLimitSettings.read(endpoint, type.getAnnotation(ConnectionLimits.class)));
        FastPaths.configured(settings);
        ShutdownSettings.read(settings);
        SwitchboardMetrics.enabled(endpoint);
        SwitchboardTracing.enabled(endpoint);
        MessageSizeLimits messageSizes = MessageSizeLimits.read(endpoint, type.getAnnotation(MaxMessageSize.class));
        HistorySettings history = HistorySettings.read(endpoint, type.getAnnotation(RoomHistory.class));
        return new EndpointSettings(security, liveness, sendQueue, messageSizes, limits, history);
    }
}
