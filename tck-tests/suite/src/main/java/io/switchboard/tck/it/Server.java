package io.switchboard.tck.it;

import java.util.Arrays;

/**
 * The server a runner started, for the few assertions that differ by container. Each runner names it in the
 * {@value #PROPERTY} system property of its failsafe configuration, spelled as the qualifier in its
 * {@code arquillian.xml}.
 */
enum Server {
    PAYARA_MICRO("payara-micro"),
    WILDFLY("wildfly");

    /** The system property naming the server. */
    static final String PROPERTY = "switchboard.tck.container";

    private final String qualifier;

    Server(String qualifier) {
        this.qualifier = qualifier;
    }

    /** The server of this run; fails if the runner did not say, so a test never guesses. */
    static Server running() {
        String name = System.getProperty(PROPERTY);
        return Arrays.stream(values())
                .filter(server -> server.qualifier.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The runner must set " + PROPERTY + " to one of "
                        + Arrays.stream(values())
                                .map(server -> server.qualifier)
                                .toList() + ", not " + name));
    }
}
