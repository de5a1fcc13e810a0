package io.switchboard.samples.chat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Collection;

/** The JSON objects the server sends; the README's wire contract, one method per {@code type}. */
final class ServerMessages {

    private ServerMessages() {}

    static JsonObject history(String room, Collection<JsonObject> messages) {
        return Json.createObjectBuilder()
                .add("type", "history")
                .add("room", room)
                .add("messages", Json.createArrayBuilder(messages))
                .build();
    }

    static JsonObject joined(String room, String user) {
        return presence("joined", room, user);
    }

    static JsonObject left(String room, String user) {
        return presence("left", room, user);
    }

    static JsonObject said(String room, String from, String text, Instant at) {
        return Json.createObjectBuilder()
                .add("type", "said")
                .add("room", room)
                .add("from", from)
                .add("text", text)
                .add("at", at.toString())
                .build();
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

    private static JsonObject presence(String type, String room, String user) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("room", room)
                .add("user", user)
                .build();
    }
}
