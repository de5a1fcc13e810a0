package io.switchboard.bench.server;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Tyrus fast path's own write counters (writes handed to the connection, and messages that went in gathered
 * writes), read from inside the server for {@code ControlEndpoint}'s {@code writes} request: package-private
 * counters of switchboard-impl, reached by reflection because the bench is not part of impl. The bench server's
 * class loader sees impl's classes (Tyrus's class path, the WAR's {@code WEB-INF/lib} on Payara).
 */
final class FastPathWrites {

    private static final String WRITER = "io.switchboard.impl.delivery.tyrus.RawFrameWriter";

    private FastPathWrites() {}

    /** {@code writes <writes> <gathered messages>}, or {@code writes none} where the counters cannot be read. */
    static String answer() {
        try {
            Class<?> writer = Class.forName(WRITER, true, FastPathWrites.class.getClassLoader());
            return "writes " + sum(writer, "WRITES") + " " + sum(writer, "GATHERED");
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
