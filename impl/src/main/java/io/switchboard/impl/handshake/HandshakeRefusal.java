package io.switchboard.impl.handshake;

import jakarta.websocket.HandshakeResponse;
import java.lang.reflect.Constructor;
import java.util.List;
import java.util.Map;

/**
 * Refuses a handshake from inside the bridge's configurator, the one place that knows the endpoint the container
 * chose, in the best way the container allows:
 * <ul>
 *   <li>where a {@link HandshakeFilter} wraps the upgrade (Payara, WildFly), by throwing {@link HandshakeRefused}: the
 *       filter answers with the refusal's status and headers, and nothing is upgraded;</li>
 *   <li>on bare Tyrus, which answers a {@code HandshakeException} thrown during the handshake with that exception's
 *       status and no upgrade;</li>
 *   <li>elsewhere the refusal is recorded, and the bridge closes the session before any of the endpoint's code
 *       runs.</li>
 * </ul>
 */
public final class HandshakeRefusal {

    /** User property: the refusal, for the bridge to close the session at once. */
    public static final String PROPERTY = "io.switchboard.refused";

    private static final String TYRUS_EXCEPTION = "org.glassfish.tyrus.core.HandshakeException";

    private HandshakeRefusal() {}

    /**
     * Refuses the handshake.
     *
     * @param refusal    what to answer
     * @param scope      the handshake filter's scope of this request, or {@code null}
     * @param request    the container's handshake request (its class tells which container runs)
     * @param response   the container's handshake response, whose headers become the refusal's on bare Tyrus
     * @param properties the connection's user properties
     */
    public static void refuse(
            Admission.Refusal refusal,
            HandshakeScope scope,
            Object request,
            HandshakeResponse response,
            Map<String, Object> properties) {
        if (scope != null) {
            throw new HandshakeRefused(refusal);
        }
        Exception tyrus = tyrusException(request.getClass().getClassLoader(), refusal);
        if (tyrus != null) {
            // Tyrus sends the headers it prepared for the upgrade with the refusal, and no length: a client would
            // wait for a body. The refusal gets headers of its own.
            Map<String, List<String>> headers = response.getHeaders();
            headers.clear();
            headers.put("Content-Length", List.of("0"));
            headers.putAll(refusal.headers());
            throw HandshakeRefusal.<RuntimeException>sneaky(tyrus);
        }
        properties.put(PROPERTY, refusal);
    }

    /**
     * The refusal a container that could not refuse during the handshake let through.
     *
     * @param properties the session's user properties
     * @return the refusal, or {@code null}
     */
    public static Admission.Refusal of(Map<String, Object> properties) {
        return properties.get(PROPERTY) instanceof Admission.Refusal refusal ? refusal : null;
    }

    private static Exception tyrusException(ClassLoader loader, Admission.Refusal refusal) {
        try {
            Class<?> type = Class.forName(TYRUS_EXCEPTION, false, loader);
            Constructor<?> constructor = type.getConstructor(int.class, String.class);
            Exception exception = (Exception) constructor.newInstance(refusal.status(), refusal.phrase());
            // Tyrus logs it at CONFIG with its trace: a refusal is not a fault, so there is no trace to show.
            exception.setStackTrace(new StackTraceElement[0]);
            return exception;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException notTyrus) {
            return null;
        }
    }

    // Tyrus's exception is checked and modifyHandshake declares none: it is thrown past the compiler, as Tyrus's
    // handshake code, which catches it, expects.
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable e) throws T {
        throw (T) e;
    }
}
