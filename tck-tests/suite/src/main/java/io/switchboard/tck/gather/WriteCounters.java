package io.switchboard.tck.gather;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fast paths' own counters of messages written together, read by reflection from inside the deployment (they are
 * package-private in switchboard-impl, which is in the WAR): Tyrus's gathered frames and Undertow's batches.
 */
final class WriteCounters {

    private WriteCounters() {}

    /** Messages written in gathered writes or batches so far, on whichever fast path this container has. */
    static long gathered() {
        return sum("io.switchboard.impl.delivery.tyrus.RawFrameWriter", "GATHERED")
                + sum("io.switchboard.impl.delivery.undertow.BatchingWriter", "BATCHED");
    }

    private static long sum(String className, String fieldName) {
        try {
            Field field = Class.forName(className, true, WriteCounters.class.getClassLoader())
                    .getDeclaredField(fieldName);
            field.setAccessible(true);
            return ((LongAdder) field.get(null)).sum();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no counter " + className + "." + fieldName, e);
        }
    }
}
