package io.switchboard.samples.chat;

import jakarta.json.Json;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Demo mode only: {@code POST /chat/api/token} with the form field {@code user} answers {@code {"token":"..."}}, a JWT
 * signed by {@link DemoKey} whose {@code groups} are {@code chat} (or the optional comma-separated form field
 * {@code groups}, to try a role the endpoint refuses), valid for an hour (or the optional form field {@code ttl}, 1 to
 * 3600 seconds, to watch the session close when its token expires). Without demo mode it answers 404, as if it were
 * not there.
 */
@WebServlet("/api/token")
public class TokenServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Names people type, short enough to show; nothing that needs escaping in a header or a log line. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._-]{1,32}");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!DemoKey.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        // Browsers send forms as UTF-8; servlet containers read them as ISO-8859-1 unless told.
        request.setCharacterEncoding("UTF-8");
        String user = request.getParameter("user");
        if (user == null || !NAME.matcher(user.strip()).matches()) {
            answer(response, HttpServletResponse.SC_BAD_REQUEST, "error", "user: 1 to 32 letters, digits, space . _ -");
            return;
        }
        Duration lifetime = lifetime(request.getParameter("ttl"));
        if (lifetime == null) {
            answer(response, HttpServletResponse.SC_BAD_REQUEST, "error", "ttl: 1 to 3600 seconds");
            return;
        }
        answer(response, HttpServletResponse.SC_OK, "token", DemoKey.sign(user.strip(), groups(request), lifetime));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (!DemoKey.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        super.doGet(request, response);
    }

    /** The token's lifetime: {@link DemoKey#LIFETIME} without {@code ttl}; {@code null} for a bad one. */
    static Duration lifetime(String ttl) {
        if (ttl == null || ttl.isBlank()) {
            return DemoKey.LIFETIME;
        }
        try {
            long seconds = Long.parseLong(ttl.strip());
            return seconds >= 1 && seconds <= 3600 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> groups(HttpServletRequest request) {
        String groups = request.getParameter("groups");
        if (groups == null || groups.isBlank()) {
            return List.of("chat");
        }
        return Arrays.stream(groups.split(","))
                .map(String::strip)
                .filter(g -> !g.isEmpty())
                .toList();
    }

    private static void answer(HttpServletResponse response, int status, String field, String value)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write(Json.createObjectBuilder().add(field, value).build().toString());
    }
}
