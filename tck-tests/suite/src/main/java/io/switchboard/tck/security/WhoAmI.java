package io.switchboard.tck.security;

import io.switchboard.OpenSessions;
import io.switchboard.SessionInfo;
import jakarta.websocket.Session;
import java.security.Principal;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What a session's endpoint knows of its peer, as one line the scenarios parse. */
final class WhoAmI {

    private WhoAmI() {}

    static String describe(Session session, OpenSessions sessions) {
        Principal own = session.getUserPrincipal();
        Principal tracked = sessions.findBySessionId(session.getId())
                .flatMap(SessionInfo::principal)
                .orElse(null);
        String tenant = "-";
        String groups = "-";
        if (tracked instanceof JsonWebToken token) {
            Object claim = token.getClaim("tenant");
            tenant = claim instanceof jakarta.json.JsonString text ? text.getString() : String.valueOf(claim);
            groups = String.join(",", new TreeSet<>(token.getGroups()));
        }
        return "session=" + (own == null ? "-" : own.getName()) + " tracked="
                + (tracked == null ? "-" : tracked.getName())
                + " tenant=" + tenant + " groups=" + groups
                + " verifier="
                + (tracked == null
                        ? "-"
                        : tracked.getClass().getName().startsWith("io.switchboard.") ? "switchboard" : "container");
    }
}
