package io.switchboard.samples.ticker;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plain JDK WebSocket client of the untouched endpoint receives about ten ticks a second, in order. */
class PriceTicksIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration WINDOW = Duration.ofSeconds(5);

    @Test
    void aClientReceivesTenTicksASecondWithIncreasingSeq() throws Exception {
        try (TickListener client = TickListener.connect(HttpClient.newHttpClient(), WAIT)) {
            TickListener.Received first = client.next(WAIT);
            List<TickListener.Received> received = new ArrayList<>(List.of(first));
            long windowEnds = first.arrivedNanos() + WINDOW.toNanos();
            while (System.nanoTime() < windowEnds) {
                received.add(client.next(WAIT));
            }

            // Ticks arriving within the window after the first: 50 at exactly 10/s; the 2-core machine that runs
            // this also runs other builds, so allow a third either way.
            int inWindow = (int) received.stream()
                    .filter(tick -> tick.arrivedNanos() <= windowEnds)
                    .count();
            assertThat(inWindow - 1).as("ticks in %s after the first", WINDOW).isBetween(34, 66);

            for (int i = 1; i < received.size(); i++) {
                assertThat(received.get(i).seq())
                        .as("seq of tick %d after %d", i, received.get(i - 1).seq())
                        .isGreaterThan(received.get(i - 1).seq());
            }
            var tick = first.tick();
            assertThat(tick.getString("symbol")).isEqualTo("SWB");
            assertThat(tick.getJsonNumber("price").bigDecimalValue()).isGreaterThan(BigDecimal.ZERO);
            assertThat(Instant.parse(tick.getString("at")))
                    .isBetween(Instant.now().minus(WAIT), Instant.now());
        }
    }
}
