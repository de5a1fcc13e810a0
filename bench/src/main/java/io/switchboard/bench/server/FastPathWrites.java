package io.switchboard.bench.server;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fast paths' own write counters (writes handed to the connection, and messages that went in gathered writes),
 * read from inside the server for {@code ControlEndpoint}'s {@code writes} request: Tyrus's {@code RawFrameWriter}
 * plus Undertow's {@code BatchingWriter} (a batch is one write; only one of them is used in a server).
 * Package-private counters of switchboard-impl, reached by reflection because the bench is not part of impl; the
 * bench server's class loader sees impl's classes (Tyrus's class path, the WAR's {@code WEB-INF/lib}).
 */
final class FastPathWrites {

    private static final String TYRUS = "io.switchboard.impl.delivery.tyrus.RawFrameWriter";
    private static final String UNDERTOW = "io.switchboard.impl.delivery.undertow.BatchingWriter";

    private FastPathWrites() {}

    /** {@code writes <writes> <gathered messages>}, or {@code writes none} where the counters cannot be read. */
    static String answer() {
        try {
            Class<?> tyrus = Class.forName(TYRUS, true, FastPathWrites.class.getClassLoader());
            Class<?> undertow = Class.forName(UNDERTOW, true, FastPathWrites.class.getClassLoader());
            return "writes " + (sum(tyrus, "WRITES") + sum(undertow, "WRITES")) + " "
                    + (sum(tyrus, "GATHERED") + sum(undertow, "BATCHED"));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "writes none";
        }
    }

    private static long sum(Class<?> writer, String name) throws ReflectiveOperationException {
        Field field = writer.getDeclaredField(name);
        field.setAccessible(true);
        return ((LongAdder) field.get(null)).sum();
    }
}
