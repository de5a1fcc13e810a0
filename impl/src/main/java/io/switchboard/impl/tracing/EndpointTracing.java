package io.switchboard.impl.tracing;

import java.util.List;
import java.util.Map;

/**
 * The tracing of one endpoint: {@link #OFF} when its {@code tracing.enabled} is {@code false} or nothing records
 * spans, so that callers pay one check ({@link #on()}) and nothing else.
 */
public final class EndpointTracing {

    /** The user property under which a handshake's span context travels from the configurator to the session. */
    public static final String HANDSHAKE = "io.switchboard.tracing.handshake";

    /** No tracing. */
    public static final EndpointTracing OFF = new EndpointTracing(null, null, null);

    private final TraceBackend backend;
    private final String endpointId;
    private final String path;

    EndpointTracing(TraceBackend backend, String endpointId, String path) {
        this.backend = backend;
        this.endpointId = endpointId;
        this.path = path;
    }

    /**
     * Whether the endpoint's handshakes and callbacks are traced.
     *
     * @return whether spans are recorded
     */
    public boolean on() {
        return backend != null;
    }

    /**
     * Records an accepted handshake.
     *
     * @param headers the request's headers, for the client's trace context
     * @return the span's context, to keep under {@link #HANDSHAKE} for the session, or {@code null} when off
     */
    public Object accepted(Map<String, List<String>> headers) {
        return backend == null ? null : backend.handshake(endpointId, path, headers, null, 101);
    }

    /**
     * Records a refused handshake.
     *
     * @param headers  the request's headers, or {@code null} where the refusal is made without them (the origin)
     * @param category the refusal's category ({@code unauthorized}, {@code forbidden}, {@code origin},
     *                 {@code limits}, {@code shutdown})
     * @param status   the HTTP status it is answered with
     */
    public void refused(Map<String, List<String>> headers, String category, int status) {
        if (backend != null) {
            backend.handshake(endpointId, path, headers, category, status);
        }
    }

    /**
     * Starts a callback's span.
     *
     * @param callback    {@code on_open}, {@code on_message}, {@code on_close} or {@code on_error}
     * @param sessionId   the session
     * @param messageType the message's type, or {@code null}
     * @param handshake   the session's handshake span context, or {@code null}
     * @return the span, to close when the callback returns; {@link TraceSpan#NONE} when off
     */
    public TraceSpan callback(String callback, String sessionId, String messageType, Object handshake) {
        return backend == null
                ? TraceSpan.NONE
                : backend.callback("switchboard." + callback, endpointId, sessionId, messageType, handshake);
    }
}
