package io.switchboard.impl.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.history.HistoryEndpoint;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * An in-memory history does not outlive its server: after a restart on the same port, a client that resumes from a
 * position of the old epoch is told {@code OTHER_EPOCH} (so the endpoint sends a fresh state), and the room's
 * broadcasts start again at offset 1 of a new epoch.
 */
class HistoryAcrossRestartTest {

    private static String recovery(TestClient client) {
        client.sendText("recovery");
        return client.nextText();
    }

    @Test
    void aPositionFromBeforeARestartIsOfAnotherEpoch() throws Exception {
        String old;
        int port;
        try (FastServer first = FastServer.start(FastServer.Mode.SWITCHBOARD, HistoryEndpoint.class);
                TestClient client = TestClient.connect(first.base().resolve("history/lobby"))) {
            port = first.base().getPort();
            recovery(client);
            client.sendText("say:before");
            old = client.nextText();
            assertThat(old).endsWith(":1 before");
        }
        String position = old.substring(0, old.indexOf(' '));
        try (FastServer second = FastServer.start(FastServer.Mode.SWITCHBOARD, port, HistoryEndpoint.class)) {
            URI resume = second.base()
                    .resolve("history/lobby?switchboard-since=" + URLEncoder.encode(position, StandardCharsets.UTF_8));
            try (TestClient client = TestClient.connect(resume)) {
                String answer = recovery(client);
                assertThat(answer).startsWith("recovery:OTHER_EPOCH:0:");
                String epoch = position.substring(0, position.indexOf(':'));
                assertThat(answer).doesNotContain(epoch);
                client.sendText("say:after");
                String after = client.nextText();
                assertThat(after).endsWith(":1 after").doesNotStartWith(epoch + ":");
            }
        }
    }
}
