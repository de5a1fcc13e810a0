package io.switchboard.impl.security;

import java.lang.reflect.Constructor;
import jakarta.websocket.HandshakeResponse;

import java.util.List;
import java.util.Map;

/**
 * Refuses a handshake from inside the configurator, where no filter ran before the upgrade (Tyrus standalone).
 * Tyrus answers a {@code HandshakeException} thrown during the handshake with that exception's HTTP status and
 * no upgrade; other containers cannot be told to refuse there, so the refusal is recorded and the bridge closes
 * the session with 1008 before any of the endpoint's code runs.
 */
public final class HandshakeRefusal {

    /** User property: why the handshake was refused, for the bridge to close the session at once. */
    public static final String PROPERTY = "io.switchboard.refused";

    private static final String TYRUS_EXCEPTION = "org.glassfish.tyrus.core.HandshakeException";

    private HandshakeRefusal() {
    }

    /**
     * Refuses the handshake.
     *
     * @param decision   the guard's refusal
     * @param request    the container's handshake request (its class tells which container runs)
     * @param response   the container's handshake response, whose headers become the refusal's
     * @param properties the connection's user properties
     */
    public static void refuse(HandshakeGuard.Decision decision, Object request, HandshakeResponse response,
                              Map<String, Object> properties) {
        Exception tyrus = tyrusException(request.getClass().getClassLoader(), decision);
        if (tyrus != null) {
            // Tyrus sends the headers it prepared for the upgrade with the refusal, and no length: a client would
            // wait for a body. The refusal gets headers of its own.
            Map<String, List<String>> headers = response.getHeaders();
            headers.clear();
            headers.put("Content-Length", List.of("0"));
            headers.put("Connection", List.of("close"));
            if (decision.unauthorized()) {
                headers.put("WWW-Authenticate", List.of("Bearer"));
            }
            throw HandshakeRefusal.<RuntimeException>sneaky(tyrus);
        }
        properties.put(PROPERTY, decision.reason());
    }

    private static Exception tyrusException(ClassLoader loader, HandshakeGuard.Decision decision) {
        try {
            Class<?> type = Class.forName(TYRUS_EXCEPTION, false, loader);
            Constructor<?> constructor = type.getConstructor(int.class, String.class);
            Exception refusal = (Exception) constructor.newInstance(decision.status(), decision.reason());
            // Tyrus logs it at CONFIG with its trace: a refusal is not a fault, so there is no trace to show.
            refusal.setStackTrace(new StackTraceElement[0]);
            return refusal;
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
