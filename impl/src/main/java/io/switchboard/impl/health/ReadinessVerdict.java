package io.switchboard.impl.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * What readiness says: down while the application drains at shutdown; while the cluster's backplane is unreachable
 * ({@code switchboard.health.readiness.backplane}, on by default); while an endpoint holds as many sessions as its
 * {@code connections.max} ({@code switchboard.health.readiness.connection-limit}, off by default). Decided from
 * facts, so every case is tested with plain values.
 *
 * @param up      whether readiness is up
 * @param reasons why it is down, in that order; empty when up
 */
public record ReadinessVerdict(boolean up, List<String> reasons) {

    /** The backplane name of a single node (no backplane). */
    public static final String LOCAL = "local";

    /**
     * What readiness is decided from.
     *
     * @param draining           whether the application stops and its sessions are being drained and closed
     * @param backplane          the backplane's name, {@link #LOCAL} for none
     * @param backplaneConnected whether the backplane reaches its engine (ignored for {@link #LOCAL})
     * @param full               the endpoints that hold their {@code connections.max} sessions
     */
    public record Facts(boolean draining, String backplane, boolean backplaneConnected, List<FullEndpoint> full) {}

    /**
     * An endpoint whose connection limit is reached: a further handshake is answered with 503.
     *
     * @param endpointId the endpoint id
     * @param sessions   its open sessions
     * @param max        its {@code connections.max}
     */
    public record FullEndpoint(String endpointId, int sessions, int max) {
        @Override
        public String toString() {
            return endpointId;
        }
    }

    /**
     * Decides.
     *
     * @param facts    the facts
     * @param settings which facts take readiness down
     * @return the verdict
     */
    public static ReadinessVerdict of(Facts facts, HealthSettings settings) {
        List<String> reasons = new ArrayList<>();
        if (facts.draining()) {
            reasons.add("draining: the application is stopping and closing its sessions");
        }
        if (settings.backplane() && !LOCAL.equals(facts.backplane()) && !facts.backplaneConnected()) {
            reasons.add("the " + facts.backplane() + " backplane is unreachable: broadcasts stay on this node");
        }
        if (settings.connectionLimit()) {
            for (FullEndpoint full : facts.full()) {
                reasons.add("endpoint " + full.endpointId() + " is full (" + full.sessions() + " of " + full.max()
                        + " sessions)");
            }
        }
        return new ReadinessVerdict(reasons.isEmpty(), List.copyOf(reasons));
    }

    /**
     * The endpoints whose connection limit is reached, by id: as the handshake gate refuses with 503 once an
     * endpoint's sessions reach its {@code connections.max}.
     *
     * @param sessions   open sessions by endpoint id
     * @param maxOfEndpoint an endpoint's {@code connections.max} (0: none)
     * @return the full ones, sorted by id
     */
    public static List<FullEndpoint> full(Map<String, Integer> sessions, ToIntFunction<String> maxOfEndpoint) {
        List<FullEndpoint> full = new ArrayList<>();
        new TreeMap<>(sessions).forEach((id, count) -> {
            int max = maxOfEndpoint.applyAsInt(id);
            if (max > 0 && count >= max) {
                full.add(new FullEndpoint(id, count, max));
            }
        });
        return full;
    }
}
