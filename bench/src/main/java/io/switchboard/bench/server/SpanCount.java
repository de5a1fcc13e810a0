package io.switchboard.bench.server;

import java.util.function.Supplier;

/**
 * Where the server's span counts can be read from inside it, for {@code ControlEndpoint}'s {@code spans} request:
 * set by a server that holds its span exporter itself (the Tyrus bench server started for the tracing cost). Names
 * no OpenTelemetry type, so that the endpoints deploy where OpenTelemetry is absent.
 */
public final class SpanCount {

    private static volatile Supplier<String> source;

    private SpanCount() {}

    /**
     * @param counts the exporter's counts on demand, after a flush: one line per span name and endpoint id,
     *               {@code <name> TAB <endpoint id or -> TAB <count>}
     */
    public static void use(Supplier<String> counts) {
        source = counts;
    }

    /** {@code spans none}, or {@code spans} and the exporter's lines. */
    static String answer() {
        Supplier<String> counts = source;
        return counts == null ? "spans none" : "spans\n" + counts.get();
    }
}
