package io.switchboard.samples.chat;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** What a client may send, read from one JSON text frame: {@code {"type":"say","text":"..."}} or {@code {"type":"who"}}. */
sealed interface ClientMessage {

    /** {@code {"type":"say","text":T}}: a line of chat for the room. */
    record Say(String text) implements ClientMessage {}

    /** {@code {"type":"who"}}: who is in the room. */
    record Who() implements ClientMessage {}

    /**
     * Reads one frame.
     *
     * @throws IllegalArgumentException with a message for the client, if the frame is not JSON, not an object, has no
     *     known {@code type}, or a {@code say} has no non-blank string {@code text}
     */
    static ClientMessage parse(String frame) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(frame))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("Not a JSON object");
        }
        String type = json.get("type") instanceof JsonString string ? string.getString() : null;
        if (type == null) {
            throw new IllegalArgumentException("No \"type\" string");
        }
        return switch (type) {
            case "say" -> new Say(text(json.get("text")));
            case "who" -> new Who();
            default -> throw new IllegalArgumentException("Unknown type: " + type);
        };
    }

    private static String text(JsonValue value) {
        if (!(value instanceof JsonString string) || string.getString().isBlank()) {
            throw new IllegalArgumentException("A \"say\" needs a non-blank \"text\" string");
        }
        return string.getString();
    }
}
