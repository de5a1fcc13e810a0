package io.switchboard.impl.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.impl.delivery.encoders.RecordingEncoder;
import io.switchboard.impl.delivery.encoders.TallyEndpoint;
import io.switchboard.impl.testing.FastServer;
import io.switchboard.tck.client.TestClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The endpoint's encoders follow the Jakarta WebSocket lifecycle, one set per endpoint (see {@link MessageEncoder}):
 * initialised once, with the endpoint's config, before their first use; destroyed once, when the application stops.
 */
class EncoderLifecycleTest {

    @Test
    void oneEncoderPerEndpointIsInitialisedWithTheEndpointsConfigAndDestroyedOnceAtTheEnd() throws Exception {
        RecordingEncoder.LOG.clear();
        FastServer server = FastServer.start(FastServer.Mode.SWITCHBOARD, TallyEndpoint.class);
        try {
            try (TestClient first = TestClient.connect(server.base().resolve("tally?first"));
                    TestClient second = TestClient.connect(server.base().resolve("tally?second"))) {
                assertThat(first.ask("abc")).isEqualTo("tally:3");
                assertThat(second.ask("abcde")).isEqualTo("tally:5");
            }
            List<String> running = RecordingEncoder.log();
            assertThat(running).hasSize(3);
            assertThat(running.get(0)).matches("init \\d+ TallyEndpoint \\[RecordingEncoder] \\[]");
            String id = running.get(0).split(" ")[1];
            assertThat(running.subList(1, 3)).containsOnly("encode " + id);
        } finally {
            server.close();
        }
        List<String> ended = RecordingEncoder.log();
        String id = ended.get(0).split(" ")[1];
        assertThat(ended).hasSize(4).last().isEqualTo("destroy " + id);
    }
}
