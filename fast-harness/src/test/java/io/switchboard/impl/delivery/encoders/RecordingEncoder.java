package io.switchboard.impl.delivery.encoders;

import jakarta.websocket.Encoder;
import jakarta.websocket.EndpointConfig;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Encodes {@link Tally}s and records, in order, every instance's init (with what its config held), use and destroy. */
public class RecordingEncoder implements Encoder.Text<Tally> {

    /** What happened, in order: {@code init <id> <endpoint class> <encoders> <user property keys>}, {@code encode <id>}, {@code destroy <id>}. */
    public static final ConcurrentLinkedQueue<String> LOG = new ConcurrentLinkedQueue<>();

    private final int id = System.identityHashCode(this);

    /** The record so far. */
    public static List<String> log() {
        return List.copyOf(LOG);
    }

    @Override
    public void init(EndpointConfig config) {
        String endpoint = config instanceof jakarta.websocket.server.ServerEndpointConfig server
                ? server.getEndpointClass().getSimpleName()
                : "-";
        LOG.add("init " + id + " " + endpoint + " "
                + config.getEncoders().stream().map(Class::getSimpleName).toList() + " "
                + new java.util.TreeSet<>(config.getUserProperties().keySet()));
    }

    @Override
    public String encode(Tally tally) {
        LOG.add("encode " + id);
        return "tally:" + tally.count();
    }

    @Override
    public void destroy() {
        LOG.add("destroy " + id);
    }
}
