package io.switchboard.tck.transaction.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.tck.client.TestClient;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code afterCommit()} outside any transaction, against the endpoints of this package deployed with Switchboard: it
 * sends at once, on every server (with or without JTA).
 */
public abstract class AfterCommitScenarios {

    /** The report of a message both feeds of a test received. */
    protected static final String DELIVERED_TO_TWO = "delivered:recipients=2 queued=2 delivered=2 dropped=0 failed=0";

    /** The WebSocket base URI of the deployment, ending in {@code /}. */
    protected abstract URI base();

    protected URI uri(String path) {
        return base().resolve(path);
    }

    /** A room no other test uses. */
    protected static String freshRoom() {
        return "r" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A client in a room's feed, once it has joined. */
    protected TestClient feed(String room) {
        TestClient client = TestClient.connect(uri("orders/" + room));
        assertThat(client.ask("ready")).isEqualTo("ready:" + room);
        return client;
    }

    /** One command to a probe, on a connection of its own. */
    protected String ask(String probe, String command) {
        try (TestClient client = TestClient.connect(uri(probe))) {
            return client.ask(command);
        }
    }

    @Test
    void withoutATransactionAfterCommitSendsAtOnce() {
        String room = freshRoom();
        try (TestClient a = feed(room);
                TestClient b = feed(room)) {
            // No transaction ends here: a stage that completes means the view sent at once.
            assertThat(ask("feed-probe", "room:" + room + ":hello")).isEqualTo(DELIVERED_TO_TWO);
            assertThat(a.nextText()).isEqualTo("hello");
            assertThat(b.nextText()).isEqualTo("hello");

            assertThat(ask("feed-probe", "matching:" + room + ":bye")).isEqualTo(DELIVERED_TO_TWO);
            assertThat(a.nextText()).isEqualTo("bye");
            assertThat(b.nextText()).isEqualTo("bye");
        }
    }
}
