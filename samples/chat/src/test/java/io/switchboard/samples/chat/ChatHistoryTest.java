package io.switchboard.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.RoomPosition;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link ChatHistory} keeps the newest messages, oldest first, up to its capacity. */
class ChatHistoryTest {

    @Test
    void keepsEverythingBelowCapacityInOrder() {
        ChatHistory history = new ChatHistory(3);
        add(history, 1);
        add(history, 2);
        assertThat(history.messages()).containsExactly(message(1), message(2));
    }

    @Test
    void forgetsTheOldestOnceFull() {
        ChatHistory history = new ChatHistory();
        IntStream.range(0, 55).forEach(i -> add(history, i));
        assertThat(history.messages()).hasSize(ChatHistory.CAPACITY).hasSize(50);
        assertThat(history.messages().get(0)).isEqualTo(message(5));
        assertThat(history.messages().get(49)).isEqualTo(message(54));
    }

    @Test
    void aSnapshotDoesNotChangeWithLaterMessages() {
        ChatHistory history = new ChatHistory(2);
        add(history, 1);
        var snapshot = history.messages();
        add(history, 2);
        assertThat(snapshot).containsExactly(message(1));
    }

    @Test
    void aSnapshotUpToAPositionLeavesOutTheLaterMessagesOfItsEpochOnly() {
        ChatHistory history = new ChatHistory(10);
        history.add(new Object(), new RoomPosition("old", 7), message(0));
        history.add(new Object(), null, message(1));
        IntStream.rangeClosed(2, 5).forEach(i -> add(history, i));

        assertThat(history.messagesUpTo(new RoomPosition("e", 3)))
                .containsExactly(message(0), message(1), message(2), message(3));
        assertThat(history.messagesUpTo(new RoomPosition("e", 5))).isEqualTo(history.messages());
        assertThat(history.messagesUpTo(new RoomPosition("e", 0))).containsExactly(message(0), message(1));
        assertThat(history.messagesUpTo(null)).isEqualTo(history.messages());
    }

    @Test
    void aMessageMadeAgainForAnotherPositionReplacesTheOneMadeBefore() {
        ChatHistory history = new ChatHistory(10);
        Object broadcast = new Object();
        add(history, 1);
        history.add(broadcast, new RoomPosition("e", 2), message(2));
        add(history, 3);
        history.add(broadcast, new RoomPosition("e", 4), message(4));
        assertThat(history.messages()).containsExactly(message(1), message(3), message(4));
    }

    /** Message {@code i}, at position {@code e:i}. */
    private static void add(ChatHistory history, int i) {
        history.add(new Object(), new RoomPosition("e", i), message(i));
    }

    private static JsonObject message(int i) {
        return Json.createObjectBuilder().add("text", "m" + i).build();
    }
}
