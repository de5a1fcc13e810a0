package io.switchboard.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link ChatHistory} keeps the newest messages, oldest first, up to its capacity. */
class ChatHistoryTest {

    @Test
    void keepsEverythingBelowCapacityInOrder() {
        ChatHistory history = new ChatHistory(3);
        history.add(message(1));
        history.add(message(2));
        assertThat(history.messages()).containsExactly(message(1), message(2));
    }

    @Test
    void forgetsTheOldestOnceFull() {
        ChatHistory history = new ChatHistory();
        IntStream.range(0, 55).forEach(i -> history.add(message(i)));
        assertThat(history.messages()).hasSize(ChatHistory.CAPACITY).hasSize(50);
        assertThat(history.messages().get(0)).isEqualTo(message(5));
        assertThat(history.messages().get(49)).isEqualTo(message(54));
    }

    @Test
    void aSnapshotDoesNotChangeWithLaterMessages() {
        ChatHistory history = new ChatHistory(2);
        history.add(message(1));
        var snapshot = history.messages();
        history.add(message(2));
        assertThat(snapshot).containsExactly(message(1));
    }

    private static JsonObject message(int i) {
        return Json.createObjectBuilder().add("text", "m" + i).build();
    }
}
