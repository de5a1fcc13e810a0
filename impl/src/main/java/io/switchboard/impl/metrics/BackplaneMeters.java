package io.switchboard.impl.metrics;

import io.switchboard.spi.MetricsBackend;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The instruments of the backplane that connects this node to the others, each tagged with the backplane's name:
 * broadcasts published and received, broadcasts dropped for the other nodes (by {@link Drop reason}), outages, and
 * whether it is connected now.
 */
public final class BackplaneMeters {

    /** Why a broadcast did not reach the other nodes. */
    public enum Drop {
        /** The backplane's engine was unreachable. */
        OUTAGE,
        /** Over {@code switchboard.backplane.max-publish-rate}. */
        RATE,
        /** An object message with no session on this node to encode it. */
        UNENCODABLE;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MetricsBackend.Counter published;
    private final MetricsBackend.Counter received;
    private final MetricsBackend.Counter outages;
    private final MetricsBackend.Counter[] dropped = new MetricsBackend.Counter[Drop.values().length];

    BackplaneMeters(MetricsBackend backend, String backplane, BooleanSupplier connected) {
        Map<String, String> tags = Map.of("backplane", backplane);
        published = backend.counter(
                Names.BACKPLANE_PUBLISHED, "Broadcasts this node published to the other nodes", null, tags);
        received =
                backend.counter(Names.BACKPLANE_RECEIVED, "Broadcasts of other nodes this node delivered", null, tags);
        outages =
                backend.counter(Names.BACKPLANE_OUTAGES, "Times the backplane's engine became unreachable", null, tags);
        for (Drop reason : Drop.values()) {
            dropped[reason.ordinal()] = backend.counter(
                    Names.BACKPLANE_DROPPED,
                    "Broadcasts that did not reach the other nodes",
                    null,
                    Map.of("backplane", backplane, "reason", reason.tag()));
        }
        backend.gauge(
                Names.BACKPLANE_CONNECTED,
                "1 while the backplane's engine is reachable, else 0",
                tags,
                () -> connected.getAsBoolean() ? 1 : 0);
    }

    /** A broadcast went to the other nodes. */
    public void published() {
        published.add(1);
    }

    /** Another node's broadcast arrived. */
    public void received() {
        received.add(1);
    }

    /**
     * A broadcast did not go to the other nodes.
     *
     * @param reason why
     */
    public void dropped(Drop reason) {
        dropped[reason.ordinal()].add(1);
    }

    /** The engine became unreachable. */
    public void outage() {
        outages.add(1);
    }
}
