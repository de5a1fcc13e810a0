package io.switchboard.tck.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.tck.client.RawClient;
import io.switchboard.tck.client.TestClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Room history and resume, against the endpoints of this package: positions in broadcasts and delivery reports,
 * replay in order ahead of live broadcasts with no gap and no duplicate, refusals of positions history cannot
 * serve, and the read API.
 */
public abstract class HistoryScenarios {

    /** The WebSocket base URI of the deployment, ending in {@code /}. */
    protected abstract URI base();

    /** A room no other test uses. */
    protected static String freshRoom() {
        return "r" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected TestClient member(String path, String room, String since) {
        String query = since == null ? "" : "?switchboard-since=" + URLEncoder.encode(since, StandardCharsets.UTF_8);
        TestClient client = TestClient.connect(base().resolve(path + "/" + room + query));
        // Sync: once the endpoint answers, the session has joined (and anything replayed was queued before this).
        return client;
    }

    /** Reads texts until the recovery answer, returning the broadcasts before it and the answer last. */
    protected static List<String> untilRecovery(TestClient client) {
        client.sendText("recovery");
        List<String> seen = new ArrayList<>();
        while (true) {
            String next = client.nextText();
            seen.add(next);
            if (next.startsWith("recovery:")) {
                return seen;
            }
        }
    }

    protected static String positionOf(String broadcast) {
        return broadcast.substring(0, broadcast.indexOf(' '));
    }

    protected static long offsetOf(String broadcast) {
        String position = positionOf(broadcast);
        return Long.parseLong(position.substring(position.indexOf(':') + 1));
    }

    @Test
    void aResumedSessionGetsWhatItMissedInOrderAheadOfLiveBroadcasts() {
        String room = freshRoom();
        try (TestClient stayer = member("history", room, null)) {
            assertThat(untilRecovery(stayer)).singleElement().asString().startsWith("recovery:NOT_ASKED:0:");
            String seenLast = null;
            try (TestClient leaver = member("history", room, null)) {
                untilRecovery(leaver);
                for (int i = 1; i <= 3; i++) {
                    leaver.sendText("say:before" + i);
                }
                for (int i = 1; i <= 3; i++) {
                    assertThat(stayer.nextText()).endsWith(" before" + i);
                    seenLast = leaver.nextText();
                }
            }
            for (int i = 1; i <= 5; i++) {
                stayer.sendText("say:missed" + i);
                assertThat(stayer.nextText()).endsWith(" missed" + i);
            }
            try (TestClient back = member("history", room, positionOf(seenLast))) {
                List<String> seen = untilRecovery(back);
                assertThat(seen).hasSize(6);
                assertThat(seen.subList(0, 5))
                        .extracting(s -> s.substring(s.indexOf(' ') + 1))
                        .containsExactly("missed1", "missed2", "missed3", "missed4", "missed5");
                for (int i = 0; i < 5; i++) {
                    assertThat(offsetOf(seen.get(i))).isEqualTo(offsetOf(seenLast) + 1 + i);
                }
                assertThat(seen.get(5)).startsWith("recovery:RECOVERED:5:" + positionOf(seen.get(4)));
                stayer.sendText("say:live");
                String live = back.nextText();
                assertThat(live).endsWith(" live");
                assertThat(offsetOf(live)).isEqualTo(offsetOf(seen.get(4)) + 1);
            }
        }
    }

    @Test
    void resumingWhileTheRoomStreamsLosesNothingAndRepeatsNothing() {
        String room = freshRoom();
        int total = 3000;
        List<Long> offsets = new ArrayList<>();
        String last = null;
        try (TestClient anchor = member("history-long", room, null)) {
            untilRecovery(anchor);
            try (TestClient probe = TestClient.connect(base().resolve("history-probe"))) {
                assertThat(probe.ask("stream:" + room + ":" + total)).isEqualTo("streaming");
            }
            int round = 0;
            boolean done = false;
            while (!done) {
                round++;
                String expected = last == null ? "recovery:NOT_ASKED" : "recovery:RECOVERED";
                try (TestClient client = member("history-long", room, last)) {
                    client.sendText("recovery");
                    // Read some, then drop the connection without a word, mid-stream.
                    int take = round < 8 ? 150 : Integer.MAX_VALUE;
                    for (int i = 0; i < take && !done; i++) {
                        String next = client.nextText();
                        if (next.startsWith("recovery:")) {
                            assertThat(next).startsWith(expected);
                            i--;
                            continue;
                        }
                        offsets.add(offsetOf(next));
                        last = positionOf(next);
                        done = next.endsWith(" m" + total);
                    }
                    client.abort();
                }
            }
            assertThat(round).isGreaterThanOrEqualTo(8);
        }
        // The first connection joined after the stream began; from its first message on nothing is missing.
        long first = offsets.get(0);
        assertThat(offsets)
                .containsExactlyElementsOf(
                        LongStream.range(first, first + offsets.size()).boxed().toList());
        assertThat(offsets.size()).isGreaterThan(total / 2);
    }

    @Test
    void noMessageFollowsTheCloseFrameOfASessionClosedMidStreamEvenOneSentRightAfterTheClose() throws IOException {
        String room = freshRoom();
        try (TestClient anchor = member("history-long", room, null)) {
            untilRecovery(anchor);
            try (TestClient probe = TestClient.connect(base().resolve("history-probe"))) {
                assertThat(probe.ask("stream:" + room + ":3000")).isEqualTo("streaming");
            }
            for (int round = 0; round < 6; round++) {
                try (RawClient raw = RawClient.handshake(base().resolve("history-long/" + room), true)) {
                    assertThat(raw.status()).isEqualTo(101);
                    for (int i = 0; i < 20; i++) {
                        assertThat(raw.readFrame(10_000).opcode()).isEqualTo(1);
                    }
                    raw.sendText("bye:4001");
                    RawClient.Frame frame = raw.readFrame(10_000);
                    while (frame.opcode() == 1) {
                        frame = raw.readFrame(10_000);
                    }
                    // Browsers fail the connection (1006) on a data frame after the close frame, losing its code.
                    assertThat(frame.opcode()).isEqualTo(8);
                    assertThat(frame.closeCode()).isEqualTo(4001);
                    RawClient.Frame after = null;
                    try {
                        after = raw.readFrame(300);
                    } catch (IOException endedOrQuiet) {
                        // the server closed the connection, or sent nothing more: either is right
                    }
                    assertThat(after).as("a frame after the close frame").isNull();
                }
            }
        }
    }

    @Test
    void theDeliveryReportAndTheMessageCarryTheSamePosition() {
        String room = freshRoom();
        try (TestClient client = member("history", room, null)) {
            String latest = untilRecovery(client).get(0).split(":", 4)[3];
            client.sendText("report:x");
            String broadcast = client.nextText();
            assertThat(client.nextText()).isEqualTo("report:" + positionOf(broadcast));
            assertThat(offsetOf(broadcast)).isEqualTo(Long.parseLong(latest.substring(latest.indexOf(':') + 1)) + 1);
            assertThat(positionOf(broadcast)).startsWith(latest.substring(0, latest.indexOf(':') + 1));
        }
    }

    @Test
    void aPositionOlderThanHistoryIsNotRecovered() {
        String room = freshRoom();
        try (TestClient client = member("history", room, null)) {
            untilRecovery(client);
            client.sendText("say:first");
            String first = client.nextText();
            for (int i = 0; i < 60; i++) {
                client.sendText("say:n" + i);
                client.nextText();
            }
            try (TestClient late = member("history", room, positionOf(first))) {
                List<String> seen = untilRecovery(late);
                assertThat(seen).hasSize(1);
                assertThat(seen.get(0)).startsWith("recovery:TOO_OLD:0:");
            }
            // History still holds the newest 50.
            client.sendText("history:");
            String read = client.nextText();
            assertThat(read).startsWith("history:false|");
            assertThat(read.split("\\|")[2].split(",")).hasSize(50);
        }
    }

    @Test
    void badPositionsAreNotRecoveredAndBringNothingElse() {
        String room = freshRoom();
        String other = freshRoom();
        String otherPosition;
        try (TestClient elsewhere = member("history", other, null)) {
            untilRecovery(elsewhere);
            elsewhere.sendText("say:secret");
            otherPosition = positionOf(elsewhere.nextText());
        }
        try (TestClient client = member("history", room, null)) {
            String latest = untilRecovery(client).get(0).split(":", 4)[3];
            String epoch = latest.substring(0, latest.indexOf(':'));
            client.sendText("say:one");
            client.nextText();
            String[][] cases = {
                {"garbage", "UNREADABLE"},
                {"", "UNREADABLE"},
                {epoch + ":-1", "UNREADABLE"},
                {epoch + ":", "UNREADABLE"},
                {epoch + ":1:2", "UNREADABLE"},
                {"ABC:1", "UNREADABLE"},
                {epoch + ":99999999999999999999", "UNREADABLE"},
                {"x".repeat(1500) + ":1", "UNREADABLE"},
                {epoch + ":999999", "AHEAD"},
                {otherPosition, "OTHER_EPOCH"},
                {"zz" + epoch + ":1", "OTHER_EPOCH"},
            };
            for (String[] bad : cases) {
                try (TestClient resumed = member("history", room, bad[0])) {
                    List<String> seen = untilRecovery(resumed);
                    assertThat(seen).as(bad[0]).hasSize(1);
                    assertThat(seen.get(0)).as(bad[0]).startsWith("recovery:" + bad[1] + ":0:" + epoch + ":");
                }
            }
            // The room works on for everyone.
            client.sendText("say:two");
            assertThat(client.nextText()).endsWith(" two");
        }
    }

    @Test
    void aGapLargerThanTheSendQueueIsNotReplayed() {
        String room = freshRoom();
        try (TestClient client = member("history-small", room, null)) {
            String latest = untilRecovery(client).get(0).split(":", 4)[3];
            for (int i = 0; i < 12; i++) {
                client.sendText("say:n" + i);
                client.nextText();
            }
            try (TestClient late = member("history-small", room, latest)) {
                List<String> seen = untilRecovery(late);
                assertThat(seen).hasSize(1);
                assertThat(seen.get(0)).startsWith("recovery:TOO_MANY:0:");
            }
            String seventh;
            client.sendText("history:");
            String read = client.nextText();
            String[] kept = read.split("\\|")[2].split(",");
            seventh = kept[6];
            try (TestClient near = member("history-small", room, positionOf(seventh))) {
                List<String> seen = untilRecovery(near);
                assertThat(seen).hasSize(6);
                assertThat(seen.get(5)).startsWith("recovery:RECOVERED:5:");
            }
        }
    }

    @Test
    void aRoomWithoutHistorySaysSo() {
        String room = freshRoom();
        try (TestClient client = member("history-none", room, "abc:1")) {
            assertThat(untilRecovery(client)).containsExactly("recovery:none");
            client.sendText("say:x");
            assertThat(client.nextText()).isEqualTo("null x");
        }
    }

    @Test
    void aRoomJoinedInCodeResumesFromThePositionGiven() {
        String room = freshRoom();
        String side = freshRoom();
        try (TestClient writer = member("history", side, null)) {
            untilRecovery(writer);
            writer.sendText("say:a");
            String a = writer.nextText();
            writer.sendText("say:b");
            writer.nextText();
            writer.sendText("say:c");
            writer.nextText();
            try (TestClient client = member("history", room, null)) {
                untilRecovery(client);
                client.sendText("join:" + side + ":" + positionOf(a));
                assertThat(client.nextText()).endsWith(" b");
                assertThat(client.nextText()).endsWith(" c");
                assertThat(client.nextText()).startsWith("joined:RECOVERED:2:");
            }
        }
    }

    @Test
    void historyIsReadAfterAPosition() {
        String room = freshRoom();
        try (TestClient client = member("history", room, null)) {
            untilRecovery(client);
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                client.sendText("say:h" + i);
                sent.add(client.nextText());
            }
            client.sendText("history:" + positionOf(sent.get(1)));
            assertThat(client.nextText())
                    .isEqualTo("history:true|" + positionOf(sent.get(3)) + "|" + sent.get(2) + "," + sent.get(3));
            client.sendText("history:");
            assertThat(client.nextText())
                    .isEqualTo("history:true|" + positionOf(sent.get(3)) + "|" + String.join(",", sent));
        }
    }
}
