package io.switchboard.tck.conformance;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What the conformance endpoints noticed server-side, read back through {@link ProbeEndpoint}. */
public final class Recorder {

    private static final ConcurrentLinkedQueue<String> EVENTS = new ConcurrentLinkedQueue<>();

    private Recorder() {}

    /** Records an event. */
    public static void add(String event) {
        EVENTS.add(event);
    }

    /** What was recorded, oldest first. */
    public static List<String> events() {
        return List.copyOf(EVENTS);
    }

    /** Forgets everything recorded. */
    public static void clear() {
        EVENTS.clear();
    }
}
