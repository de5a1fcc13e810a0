package io.switchboard;

/**
 * CDI event fired when a tracked session has opened, before the endpoint's own {@code @OnOpen} runs.
 * Observers run on the container's thread for that session: keep them short. An observer that throws is
 * logged and does not affect the session.
 *
 * @param session the session that opened
 */
public record SessionOpened(SessionInfo session) {}
