package io.switchboard;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/**
 * Broadcasts a room's history holds ({@link RoomService#history}), oldest first.
 *
 * @param complete whether these are every broadcast after the position asked for: {@code false} when history no
 *                 longer reaches back that far, or the position is of another epoch or beyond the latest
 * @param messages the broadcasts after the position, oldest first; when not complete, every broadcast still kept
 * @param latest   the room's latest position: its epoch and the offset of its latest broadcast
 */
public record RecordedMessages(boolean complete, List<Message> messages, RoomPosition latest) {

    /**
     * Checks the parts.
     *
     * @param complete whether nothing is missing
     * @param messages the broadcasts
     * @param latest   the latest position
     */
    public RecordedMessages {
        messages = List.copyOf(messages);
    }

    /**
     * One recorded broadcast, as it was sent: text, or binary (an object message as the first member's endpoint
     * encoded it).
     *
     * @param position its position
     * @param at       when it was broadcast
     * @param text     the text, or {@code null} for a binary message
     * @param binary   the bytes (read-only), or {@code null} for a text message
     */
    public record Message(RoomPosition position, Instant at, String text, ByteBuffer binary) {

        /**
         * The message as a broadcast takes it: the text, or a read-only view of the bytes.
         *
         * @return a {@link String} or a {@link ByteBuffer}
         */
        public Object content() {
            return text != null ? text : binary.duplicate();
        }
    }
}
