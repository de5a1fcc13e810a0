package io.switchboard.samples.ticker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Switchboard measures the endpoint that names nothing of it: Payara Micro's MicroProfile Metrics, scraped as
 * Prometheus text, show its open sessions and the ticks written to them. The last scrape is kept in
 * {@code target/metrics-scrape.txt} (the README quotes one).
 */
class TickerMetricsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String ENDPOINT = "endpoint=\"PricesEndpoint\"";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theUntouchedEndpointsSessionsAndSentTicksAreScraped() throws Exception {
        try (TickListener client = TickListener.connect(http, WAIT)) {
            client.next(WAIT);
            String[] scrape = new String[1];
            await("switchboard meters of PricesEndpoint in " + RunningTicker.metrics())
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        scrape[0] = scrape();
                        assertThat(value(scrape[0], "switchboard_sessions_active", Map.of()))
                                .as("sessions open now")
                                .hasValueSatisfying(open -> assertThat(open).isGreaterThanOrEqualTo(1));
                        assertThat(value(scrape[0], "switchboard_sessions_opened_total", Map.of()))
                                .hasValueSatisfying(opened -> assertThat(opened).isGreaterThanOrEqualTo(1));
                        assertThat(value(scrape[0], "switchboard_messages_sent_total", Map.of("type", "text")))
                                .as("ticks written")
                                .hasValueSatisfying(sent -> assertThat(sent).isGreaterThanOrEqualTo(1));
                        assertThat(value(scrape[0], "switchboard_sent_bytes_total", Map.of()))
                                .hasValueSatisfying(bytes -> assertThat(bytes).isGreaterThan(0));
                    });
            Files.writeString(Path.of("target", "metrics-scrape.txt"), scrape[0], StandardCharsets.UTF_8);
        }
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(RunningTicker.metrics()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The value of the sample {@code name{...}} of PricesEndpoint that carries the given tags, if scraped. */
    private static Optional<Double> value(String scrape, String name, Map<String, String> tags) {
        Matcher sample =
                Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        while (sample.find()) {
            String labels = sample.group(1);
            boolean matches = labels.contains(ENDPOINT)
                    && tags.entrySet().stream()
                            .allMatch(tag -> labels.contains(tag.getKey() + "=\"" + tag.getValue() + "\""));
            if (matches) {
                return Optional.of(Double.parseDouble(sample.group(2)));
            }
        }
        return Optional.empty();
    }
}
