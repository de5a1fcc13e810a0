package io.switchboard.samples.chat;

import io.switchboard.OpenSessions;
import io.switchboard.SessionInfo;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Switchboard at work: {@code GET /sessions} lists the live WebSocket sessions that Switchboard tracks, as
 * JSON; {@code GET /sessions?room=lobby} only those of one chat room.
 *
 * <pre>{@code
 * {
 *     "count": 1,
 *     "sessions": [
 *         {
 *             "id": "6f1c...",
 *             "endpoint": "ChatEndpoint",
 *             "path": "/chat/lobby",
 *             "room": "lobby",
 *             "remoteAddress": "127.0.0.1:51234",
 *             "state": "OPEN",
 *             "openedAt": "2025-11-25T21:30:00.123Z",
 *             "lastActivity": "2025-11-25T21:30:04.567Z"
 *         }
 *     ]
 * }
 * }</pre>
 */
@WebServlet("/sessions")
public class SessionsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    OpenSessions openSessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String room = request.getParameter("room");
        List<SessionInfo> sessions = openSessions.stream()
                .filter(s -> room == null || room.equals(s.pathParameters().get("room")))
                .toList();

        JsonArrayBuilder list = Json.createArrayBuilder();
        sessions.forEach(s -> list.add(describe(s)));
        JsonObject body = Json.createObjectBuilder()
                .add("count", sessions.size())
                .add("sessions", list)
                .build();

        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(response.getWriter())) {
            writer.write(body);
        }
    }

    private static JsonObjectBuilder describe(SessionInfo session) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("id", session.id())
                .add("endpoint", session.endpointId())
                .add("path", session.requestPath());
        String room = session.pathParameters().get("room");
        if (room != null) {
            json.add("room", room);
        }
        session.principal().ifPresent(p -> json.add("principal", p.getName()));
        session.remoteAddress().ifPresent(a -> json.add("remoteAddress", a));
        return json.add("state", session.state().name())
                .add("openedAt", session.openedAt().toString())
                .add("lastActivity", session.lastActivity().toString());
    }
}
