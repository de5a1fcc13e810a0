package io.switchboard.tck.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.metrics.PrometheusText;
import io.switchboard.tck.transaction.feed.AfterCommitScenarios;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Sends that follow a real JTA transaction with a real JPA write, on a server: after the commit and once, or never.
 * Orders are placed through {@link OrderProbe} from a WebSocket callback; two clients listen in the order's room.
 */
public abstract class TransactionalSendsScenarios extends AfterCommitScenarios {

    /** How long a committing transaction stays open after its sends were made. */
    private static final long HOLD_MILLIS = 2000;

    /** How long nothing may arrive where nothing is due: generous against a slow machine. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    /** The server's application metrics. */
    protected abstract PrometheusText scrape() throws IOException;

    private static String freshId() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aCommittedOrderReachesEachMemberOnceAndOnlyWhenItsRowIsCommitted() {
        String room = freshRoom();
        String id = freshId();
        try (TestClient a = feed(room);
                TestClient b = feed(room);
                TestClient desk = TestClient.connect(uri("order-probe"))) {
            desk.sendText("place:" + room + ":" + id + ":tea:" + HOLD_MILLIS);

            // The sends were made at once, the commit comes HOLD_MILLIS later: a send that did not wait is here now.
            assertThat(a.nextTextWithin(Duration.ofMillis(HOLD_MILLIS / 2))).isNull();
            assertThat(a.nextText()).isEqualTo("order:" + id + ":tea");
            // The moment a client has the message, every reader of the database finds the order.
            assertThat(ask("order-probe", "find:" + id)).isEqualTo("found:tea");
            assertThat(a.nextText()).isEqualTo("placed:" + id);
            assertThat(b.nextText()).isEqualTo("order:" + id + ":tea");
            assertThat(b.nextText()).isEqualTo("placed:" + id);
            assertThat(desk.nextText()).isEqualTo("placed:" + id);
            assertThat(ask("order-probe", "stage:" + id + ":10000")).isEqualTo(DELIVERED_TO_TWO);

            assertThat(a.nextTextWithin(QUIET)).as("a second delivery").isNull();
            assertThat(b.nextTextWithin(Duration.ofMillis(200)))
                    .as("a second delivery")
                    .isNull();
        }
    }

    @Test
    void aRolledBackOrderReachesNobodyAndItsStageIsCancelled() {
        String room = freshRoom();
        String id = freshId();
        try (TestClient a = feed(room);
                TestClient b = feed(room)) {
            assertThat(ask("order-probe", "fail:" + room + ":" + id + ":coffee"))
                    .isEqualTo("refused:" + id);
            // Completed by the rollback, before the transactional method returned: no waiting.
            assertThat(ask("order-probe", "stage:" + id + ":0")).isEqualTo("cancelled:transaction rolled back");
            assertThat(ask("order-probe", "find:" + id)).isEqualTo("none");

            assertThat(a.nextTextWithin(QUIET))
                    .as("a send of a rolled-back transaction")
                    .isNull();
            assertThat(b.nextTextWithin(Duration.ofMillis(200)))
                    .as("a send of a rolled-back transaction")
                    .isNull();

            // The feeds still work: the next committed order is the first thing they get.
            String next = freshId();
            assertThat(ask("order-probe", "place:" + room + ":" + next + ":water:0"))
                    .isEqualTo("placed:" + next);
            assertThat(a.nextText()).isEqualTo("order:" + next + ":water");
            assertThat(b.nextText()).isEqualTo("order:" + next + ":water");
        }
    }

    @Test
    void anOrderInATransactionMarkedForRollbackIsDroppedAtOnce() {
        String room = freshRoom();
        String id = freshId();
        try (TestClient a = feed(room)) {
            assertThat(ask("order-probe", "doomed:" + room + ":" + id + ":juice"))
                    .isEqualTo("doomed:" + id);
            assertThat(ask("order-probe", "stage:" + id + ":0")).isEqualTo("cancelled:transaction rolled back");
            assertThat(ask("order-probe", "find:" + id)).isEqualTo("none");
            assertThat(a.nextTextWithin(QUIET))
                    .as("a send of a doomed transaction")
                    .isNull();
        }
    }

    @Test
    void sendsDroppedByARollbackAreCounted() throws IOException {
        String room = freshRoom();
        String id = freshId();
        try (TestClient a = feed(room)) { // the metrics exist once a tracked session opened
            double before = rolledBack();
            // Two sends held, the room's and the broadcaster's: both dropped.
            assertThat(ask("order-probe", "fail:" + room + ":" + id + ":tea")).isEqualTo("refused:" + id);
            assertThat(rolledBack()).isEqualTo(before + 2);
        }
    }

    private double rolledBack() throws IOException {
        PrometheusText scrape = scrape();
        Double value = scrape.value("switchboard_sends_rolled_back_total", Map.of());
        assertThat(value)
                .as("switchboard_sends_rolled_back_total in\n" + scrape.startingWith("switchboard"))
                .isNotNull();
        return value;
    }
}
