package io.switchboard.tck.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.tck.client.RawClient;
import io.switchboard.tck.client.TestClient;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A scripted scenario against {@link MeteredEndpoint}, then one scrape of the server's real Prometheus endpoint,
 * checked value by value: five sessions exchanging text and binary with a room broadcast, one rate-limited close,
 * one heartbeat timeout, one endpoint failure, one handshake refused for its origin.
 */
public abstract class MetricsScenarios {

    /** The endpoint's id, its {@code endpoint} tag. */
    public static final String ENDPOINT = "MeteredEndpoint";
    /** The configuration of the deployment. */
    public static final String CONFIG = "switchboard.MeteredEndpoint.allowed-origins=https://app.example.com\n";

    /** The WebSocket base URI of the deployment, ending in {@code /}. */
    protected abstract URI base();

    /** The server's metrics, in the Prometheus text format. */
    protected abstract PrometheusText scrape() throws IOException;

    private URI uri(String path) {
        return base().resolve(path);
    }

    private static Map<String, String> tags(String... pairs) {
        Map<String, String> tags = new HashMap<>();
        tags.put("endpoint", ENDPOINT);
        for (int i = 0; i < pairs.length; i += 2) {
            tags.put(pairs[i], pairs[i + 1]);
        }
        return tags;
    }

    @Test
    void aScriptedScenarioShowsInTheScrapeValueByValue() throws Exception {
        List<TestClient> clients = new ArrayList<>();
        long textBytes = 0;
        long binaryBytes = 0;
        for (int i = 0; i < 5; i++) {
            clients.add(TestClient.connect(uri("metered/lobby")));
        }
        for (TestClient client : clients) {
            for (String text : List.of("hello", "wörld")) {
                assertThat(client.ask(text)).isEqualTo(text);
                textBytes += text.getBytes(StandardCharsets.UTF_8).length;
            }
            byte[] bytes = new byte[100];
            client.sendBinary(bytes);
            assertThat(client.nextBinary()).hasSize(100);
            binaryBytes += 100;
        }
        clients.get(0).sendText("broadcast:news");
        textBytes += "broadcast:news".length();
        for (TestClient client : clients) {
            assertThat(client.nextText()).isEqualTo("news");
        }

        try (TestClient flooder = TestClient.connect(uri("metered/lobby"))) {
            for (int i = 0; i < 5; i++) {
                assertThat(flooder.ask("f" + i)).isEqualTo("f" + i);
            }
            flooder.sendText("f5");
            textBytes += 6 * 2;
            assertThat(flooder.awaitClose().code()).isEqualTo(1008);
        }
        try (TestClient failing = TestClient.connect(uri("metered/lobby"))) {
            failing.sendText("fail");
            textBytes += 4;
            assertThat(failing.awaitClose().code()).isEqualTo(1011);
        }
        try (RawClient silent = RawClient.handshake(uri("metered/lobby"), java.util.List.of())) {
            assertThat(silent.status()).isEqualTo(101);
            // It never answers the heartbeat's ping: closed within interval + timeout.
            await().atMost(Duration.ofSeconds(15)).until(() -> closedCount(scrape(), "heartbeat_timeout") == 1);
        }
        try (RawClient refused =
                RawClient.handshake(uri("metered/lobby"), java.util.List.of("Origin: https://evil.example.net"))) {
            assertThat(refused.status()).isEqualTo(403);
        }
        Thread.sleep(2500); // quiet: the heartbeat pings the five, and their pongs come back
        for (TestClient client : clients) {
            client.close();
        }
        long text = textBytes;
        long binary = binaryBytes;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PrometheusText scrape = scrape();
            assertThat(gauge(scrape, "switchboard_sessions_active"))
                    .as(scrape.toString())
                    .isEqualTo(0);
            assertThat(closedCount(scrape, "normal")).isEqualTo(5);
        });
        PrometheusText scrape = scrape();
        String all = scrape.startingWith("switchboard").toString();
        assertThat(counter(scrape, "switchboard_sessions_opened", tags()))
                .as(all)
                .isEqualTo(8);
        assertThat(closedCount(scrape, "rate_limited")).as(all).isEqualTo(1);
        assertThat(closedCount(scrape, "heartbeat_timeout")).as(all).isEqualTo(1);
        assertThat(closedCount(scrape, "server_error")).as(all).isEqualTo(1);
        assertThat(counter(scrape, "switchboard_errors", tags("category", "server_error")))
                .as(all)
                .isEqualTo(1);
        assertThat(counter(scrape, "switchboard_messages_received", tags("type", "text")))
                .as(all)
                .isEqualTo(18);
        assertThat(counter(scrape, "switchboard_messages_received", tags("type", "binary")))
                .as(all)
                .isEqualTo(5);
        assertThat(counter(scrape, "switchboard_received_bytes", tags()))
                .as(all)
                .isEqualTo(text + binary);
        // Echoes (10 texts to the five, 5 to the flooder before its limit), the broadcast to five, binary echoes.
        assertThat(counter(scrape, "switchboard_messages_sent", tags("type", "text")))
                .as(all)
                .isEqualTo(20);
        assertThat(counter(scrape, "switchboard_messages_sent", tags("type", "binary")))
                .as(all)
                .isEqualTo(5);
        assertThat(counter(scrape, "switchboard_sent_bytes", tags()))
                .as(all)
                .isEqualTo(5 * ("hello".length() + "wörld".getBytes(StandardCharsets.UTF_8).length)
                        + 5 * "news".length()
                        + 5 * 2
                        + binary);
        assertThat(counter(scrape, "switchboard_messages_sent", tags("type", "ping")))
                .as(all)
                .isGreaterThanOrEqualTo(6);
        assertThat(counter(scrape, "switchboard_messages_received", tags("type", "pong")))
                .as(all)
                .isGreaterThanOrEqualTo(5);
        assertThat(count(scrape, "switchboard_heartbeat_round_trip", tags()))
                .as(all)
                .isGreaterThanOrEqualTo(5);
        assertThat(counter(scrape, "switchboard_messages_rate_limited", tags()))
                .as(all)
                .isEqualTo(1);
        assertThat(counter(scrape, "switchboard_messages_dropped", tags()))
                .as(all)
                .isEqualTo(0);
        assertThat(counter(scrape, "switchboard_handshakes_rejected", tags("reason", "origin")))
                .as(all)
                .isEqualTo(1);
        assertThat(count(scrape, "switchboard_session_duration", tags()))
                .as(all)
                .isEqualTo(8);
        assertThat(gauge(scrape, "switchboard_rooms_active", Map.of())).as(all).isEqualTo(0);
        assertThat(count(scrape, "switchboard_broadcast_recipients", Map.of()))
                .as(all)
                .isEqualTo(1);
        assertThat(sum(scrape, "switchboard_broadcast_recipients", Map.of()))
                .as(all)
                .isEqualTo(5);
    }

    private double closedCount(PrometheusText scrape, String category) {
        Double value = counterOrNull(scrape, "switchboard_sessions_closed", tags("category", category));
        return value == null ? 0 : value;
    }

    /** A counter's value: Prometheus names counters {@code <name>_total}. */
    protected double counter(PrometheusText scrape, String name, Map<String, String> tags) {
        Double value = counterOrNull(scrape, name, tags);
        assertThat(value)
                .as("no sample " + name + "_total" + tags + " in\n" + scrape.startingWith("switchboard"))
                .isNotNull();
        return value;
    }

    private Double counterOrNull(PrometheusText scrape, String name, Map<String, String> tags) {
        return scrape.value(name + "_total", tags);
    }

    private double gauge(PrometheusText scrape, String name) {
        return gauge(scrape, name, tags());
    }

    /** A gauge's value. */
    protected double gauge(PrometheusText scrape, String name, Map<String, String> tags) {
        Double value = scrape.value(name, tags);
        assertThat(value).as("no sample " + name + tags).isNotNull();
        return value;
    }

    /** How many values a timer or histogram recorded ({@code _count}; timers in seconds add {@code _seconds}). */
    protected double count(PrometheusText scrape, String name, Map<String, String> tags) {
        Double value = scrape.value(name + "_seconds_count", tags);
        if (value == null) {
            value = scrape.value(name + "_count", tags);
        }
        assertThat(value).as("no sample " + name + "_count" + tags).isNotNull();
        return value;
    }

    /** The sum of a histogram's values. */
    protected double sum(PrometheusText scrape, String name, Map<String, String> tags) {
        Double value = scrape.value(name + "_sum", tags);
        assertThat(value).as("no sample " + name + "_sum" + tags).isNotNull();
        return value;
    }
}
