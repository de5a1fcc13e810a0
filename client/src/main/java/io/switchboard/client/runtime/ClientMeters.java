package io.switchboard.client.runtime;

import io.switchboard.client.SendRefusedException;
import io.switchboard.spi.MetricsBackend;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** One client's instruments, created once; every tag is the client's name, plus a reason where one is given. */
final class ClientMeters {
    final MetricsBackend.Counter reconnects;
    final MetricsBackend.Counter failedAttempts;
    final MetricsBackend.Counter sent;
    final MetricsBackend.Counter received;
    final MetricsBackend.Distribution roundTrip;
    private final Map<SendRefusedException.Reason, MetricsBackend.Counter> dropped =
            new EnumMap<>(SendRefusedException.Reason.class);

    ClientMeters(MetricsBackend backend, String client, LongSupplier state, LongSupplier buffered) {
        Map<String, String> tags = Map.of("client", client);
        reconnects = backend.counter(
                "switchboard.client.reconnects", "Connections opened after the client's first", null, tags);
        failedAttempts =
                backend.counter("switchboard.client.attempts.failed", "Connection attempts that failed", null, tags);
        sent = backend.counter("switchboard.client.messages.sent", "Messages the client wrote", null, tags);
        received = backend.counter("switchboard.client.messages.received", "Messages the client received", null, tags);
        roundTrip = backend.timer("switchboard.client.rtt", "Ping to pong round trip", tags);
        for (SendRefusedException.Reason reason : SendRefusedException.Reason.values()) {
            dropped.put(
                    reason,
                    backend.counter(
                            "switchboard.client.dropped",
                            "Messages the client refused or failed",
                            null,
                            Map.of("client", client, "reason", reason.name().toLowerCase(java.util.Locale.ROOT))));
        }
        backend.gauge(
                "switchboard.client.state",
                "0 idle, 1 connecting, 2 open, 3 backing off, 4 waiting for token, 5 gave up, 6 closed",
                tags,
                state);
        backend.gauge("switchboard.client.buffered", "Messages waiting to be written", tags, buffered);
    }

    void dropped(SendRefusedException.Reason reason, int count) {
        dropped.get(reason).add(count);
    }

    /** Instruments that record nothing, where no backend is given. */
    static MetricsBackend none() {
        return new MetricsBackend() {
            @Override
            public Counter counter(String name, String description, String unit, Map<String, String> tags) {
                return amount -> {};
            }

            @Override
            public Distribution timer(String name, String description, Map<String, String> tags) {
                return value -> {};
            }

            @Override
            public Distribution histogram(String name, String description, String unit, Map<String, String> tags) {
                return value -> {};
            }

            @Override
            public void gauge(String name, String description, Map<String, String> tags, LongSupplier value) {}

            @Override
            public void close() {}
        };
    }
}
