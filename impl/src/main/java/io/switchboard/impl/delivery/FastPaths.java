package io.switchboard.impl.delivery;

import jakarta.websocket.Session;

/**
 * Chooses each session's {@link SessionWriter}: a container fast path where one is installed and applies to the
 * session, else the portable writer. Today every session gets the portable writer.
 */
public final class FastPaths {

    private FastPaths() {
    }

    /**
     * The writer for a session that just opened.
     *
     * @param session the session
     * @return its writer
     */
    public static SessionWriter writerFor(Session session) {
        return SessionWriter.portable(session);
    }
}
