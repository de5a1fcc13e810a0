package io.switchboard.samples.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.launch.DeployedWar;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The ticker's server is killed (SIGKILL, no close frame) and started again on the same port: the relay's client
 * notices the drop, backs off while the ticker is away, and reconnects once it is back; the relay tells its watchers
 * each step, and ticks flow again to the watcher that stayed connected all along. The relay server's meters count the
 * reconnect and show the link open again; the last scrape is kept in {@code target/relay-metrics-scrape.txt}.
 */
class RelayReconnectsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Set<String> AWAY = Set.of("BACKING_OFF", "CONNECTING");

    @Test
    void theRelayBacksOffWhileTheTickerIsDownAndResumesWhenItIsBack() throws Exception {
        DeployedWar relay = RunningRelay.relay();
        TickerProcess ticker = RunningRelay.ticker();
        try (RelayWatcher watcher = RelayWatcher.connect(relay.webSocket("ws/relay/SWB"))) {
            watcher.nextTick(Duration.ofSeconds(60));

            ticker.kill();
            List<JsonObject> toBackingOff = watcher.until("BACKING_OFF", WAIT);
            JsonObject backingOff = toBackingOff.get(toBackingOff.size() - 1);
            assertThat(backingOff.getInt("attempt")).isGreaterThanOrEqualTo(1);
            assertThat(backingOff.getJsonNumber("retryInMs").longValue()).isBetween(0L, 5_000L);

            ticker.start();
            List<JsonObject> whileAway = watcher.until("OPEN", Duration.ofSeconds(30));
            assertThat(whileAway.subList(0, whileAway.size() - 1))
                    .as("between the drop and the reconnect")
                    .allSatisfy(message ->
                            assertThat(message.getString("relay", null)).isIn(AWAY));

            List<JsonObject> resumed = new ArrayList<>();
            while (resumed.size() < 10) {
                resumed.add(watcher.nextTick(WAIT));
            }
            for (int i = 1; i < resumed.size(); i++) {
                assertThat(RelayWatcher.seq(resumed.get(i))).isEqualTo(RelayWatcher.seq(resumed.get(i - 1)) + 1);
            }
            assertThat(watcher.closed()).as("the watcher's own connection").isNull();

            String[] scrape = new String[1];
            await("the relay's meters of client ticker at " + relay.metrics())
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> {
                        scrape[0] = RelayMetrics.scrape(relay);
                        assertThat(RelayMetrics.ofTicker(scrape[0], "switchboard_client_reconnects_total"))
                                .hasValueSatisfying(
                                        reconnects -> assertThat(reconnects).isGreaterThanOrEqualTo(1));
                        assertThat(RelayMetrics.ofTicker(scrape[0], "switchboard_client_state"))
                                .as("2: open")
                                .hasValue(2.0);
                    });
            Files.writeString(Path.of("target", "relay-metrics-scrape.txt"), scrape[0], StandardCharsets.UTF_8);
        }
    }
}
