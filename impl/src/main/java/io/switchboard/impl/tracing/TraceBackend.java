package io.switchboard.impl.tracing;

import java.util.List;
import java.util.Map;

/**
 * Where spans go, without naming the tracing library: {@link OpenTelemetryTracing} is the one implementation, looked
 * up by name only where its API is there.
 */
public interface TraceBackend {

    /**
     * Records a handshake's span, a child of the client's trace where its request carries a {@code traceparent}.
     *
     * @param endpointId the endpoint the container matched
     * @param path       the endpoint's path template
     * @param headers    the request's headers (only the trace context headers are read), or {@code null}
     * @param refusal    the refusal's category, or {@code null} when the handshake was accepted
     * @param status     the HTTP status answered (101 when accepted)
     * @return the span's context, for the session's callback spans to link to; opaque
     */
    Object handshake(String endpointId, String path, Map<String, List<String>> headers, String refusal, int status);

    /**
     * Starts a callback's span, current until it is closed, in a trace of its own linked to the handshake's span.
     *
     * @param name        the span's name
     * @param endpointId  the endpoint
     * @param sessionId   the session
     * @param messageType the message's type ({@code text}, {@code binary}, {@code pong} or the decoded class's simple
     *                    name), or {@code null} for callbacks that get none
     * @param handshake   what {@link #handshake} returned for the session, or {@code null}
     * @return the span
     */
    TraceSpan callback(String name, String endpointId, String sessionId, String messageType, Object handshake);

    /**
     * Starts a broadcast's span, a child of the current span (the callback that broadcasts, say) if there is one.
     *
     * @return the span, ended when its report is recorded
     */
    BroadcastTrace broadcast();
}
