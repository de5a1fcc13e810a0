package io.switchboard;

import java.time.Duration;

/**
 * CDI event fired once when a tracked session has ended, after the endpoint's own {@code @OnClose} ran and
 * after the session left {@link OpenSessions}.
 *
 * @param session   the session, in state {@link SessionState#CLOSED}
 * @param closeCode the close code Switchboard sent when it closed the session (even if the peer dropped the
 *                  connection before answering), else the one received (1006 when the connection dropped without
 *                  one)
 * @param reason    the close reason phrase, possibly empty
 * @param category  why the session ended
 * @param duration  how long the session was open
 */
public record SessionClosed(
        SessionInfo session, int closeCode, String reason, CloseCategory category, Duration duration) {}
