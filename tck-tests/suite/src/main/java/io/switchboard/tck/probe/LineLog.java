package io.switchboard.tck.probe;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What a deployment's observers recorded, one line per event, for the probe endpoint that reads it back. Each
 * subclass is an {@code @ApplicationScoped} bean whose observers call {@link #add}. The methods a probe calls are
 * public: a bean's client proxy forwards those to the instance, also from a superclass in another package.
 */
public abstract class LineLog {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

    protected void add(String line) {
        lines.add(line);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    public void clear() {
        lines.clear();
    }
}
