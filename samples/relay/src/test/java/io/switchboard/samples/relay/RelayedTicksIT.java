package io.switchboard.samples.relay;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ticks flow from the ticker through the relay's reconnecting client into the relay's room {@code SWB}, and on to a
 * watcher of that room, every one in the ticker's order; a watcher of another symbol's room receives none.
 */
class RelayedTicksIT {

    /** The first tick may wait for the relay's client to find the ticker: both servers start side by side. */
    private static final Duration FIRST = Duration.ofSeconds(60);

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int TICKS = 30;

    @Test
    void aWatcherOfTheSymbolsRoomReceivesTheTickersTicksInSeqOrder() throws Exception {
        try (RelayWatcher early = RelayWatcher.connect(RunningRelay.relay().webSocket("ws/relay/SWB"))) {
            early.nextTick(FIRST); // the relay has found the ticker
        }
        try (RelayWatcher swb = RelayWatcher.connect(RunningRelay.relay().webSocket("ws/relay/SWB"));
                RelayWatcher other = RelayWatcher.connect(RunningRelay.relay().webSocket("ws/relay/XYZ"))) {
            List<JsonObject> ticks = new ArrayList<>();
            List<JsonObject> linkStates = new ArrayList<>();
            while (ticks.size() < TICKS) {
                JsonObject message = swb.next(WAIT);
                (RelayWatcher.isTick(message) ? ticks : linkStates).add(message);
            }

            // The watcher joins the room before the endpoint's @OnOpen sends it the link's state, so a tick may come
            // first.
            assertThat(linkStates)
                    .as("the link's state, once on arrival, and no change while ticks flow")
                    .extracting(state -> state.getString("relay"))
                    .containsExactly("OPEN");
            for (int i = 1; i < ticks.size(); i++) {
                assertThat(RelayWatcher.seq(ticks.get(i)))
                        .as("the tick after seq %d", RelayWatcher.seq(ticks.get(i - 1)))
                        .isEqualTo(RelayWatcher.seq(ticks.get(i - 1)) + 1);
            }
            assertThat(ticks)
                    .allSatisfy(tick -> assertThat(tick.getString("symbol")).isEqualTo("SWB"));
            assertThat(other.drain())
                    .as("a watcher of another symbol's room hears how the link stands, and no tick")
                    .extracting(message -> message.getString("relay", "a tick: " + message))
                    .containsExactly("OPEN");
        }
    }
}
