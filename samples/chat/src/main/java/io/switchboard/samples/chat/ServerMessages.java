package io.switchboard.samples.chat;

import io.switchboard.RoomPosition;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Collection;

/**
 * The JSON objects the server sends; the README's wire contract, one method per {@code type}. A position is
 * {@code null} where the room keeps no history (history turned off by configuration): the field is then left out.
 */
final class ServerMessages {

    private ServerMessages() {}

    /**
     * The room's recent {@code said} messages for a member that did not resume.
     *
     * @param position the room's position when the member joined: every later broadcast reaches it live
     */
    static JsonObject history(String room, Collection<JsonObject> messages, RoomPosition position) {
        JsonObjectBuilder history = Json.createObjectBuilder()
                .add("type", "history")
                .add("room", room)
                .add("messages", Json.createArrayBuilder(messages));
        return withPosition(history, "position", position).build();
    }

    static JsonObject joined(String room, String user, RoomPosition position) {
        return presence("joined", room, user, position);
    }

    static JsonObject left(String room, String user, RoomPosition position) {
        return presence("left", room, user, position);
    }

    /** A line of chat; {@code id} is its position in the room's history. */
    static JsonObject said(String room, String from, String text, Instant at, RoomPosition id) {
        JsonObjectBuilder said = Json.createObjectBuilder()
                .add("type", "said")
                .add("room", room)
                .add("from", from)
                .add("text", text)
                .add("at", at.toString());
        return withPosition(said, "id", id).build();
    }

    static JsonObject members(String room, Collection<String> users) {
        return Json.createObjectBuilder()
                .add("type", "members")
                .add("room", room)
                .add("users", Json.createArrayBuilder(users))
                .build();
    }

    static JsonObject error(String message) {
        return Json.createObjectBuilder()
                .add("type", "error")
                .add("message", message)
                .build();
    }

    private static JsonObject presence(String type, String room, String user, RoomPosition position) {
        JsonObjectBuilder presence =
                Json.createObjectBuilder().add("type", type).add("room", room).add("user", user);
        return withPosition(presence, "position", position).build();
    }

    private static JsonObjectBuilder withPosition(JsonObjectBuilder json, String name, RoomPosition position) {
        return position == null ? json : json.add(name, position.toString());
    }
}
