package io.switchboard;

/**
 * CDI event fired once for each error in a tracked session before its end: a message that could not be decoded
 * ({@link CloseCategory#BAD_DATA}), an exception from the endpoint's code or its encoders
 * ({@link CloseCategory#SERVER_ERROR}), a message over its size limit ({@link CloseCategory#TOO_BIG}), a broken
 * connection ({@link CloseCategory#CONNECTION_LOST}). Fired before the endpoint's {@code @OnError}, on the thread
 * that met the error. An endpoint without {@code @OnError} has its session closed with the category's code (a
 * broken connection is left to end by itself); one with {@code @OnError} decides itself.
 *
 * @param session  the session
 * @param category what kind of error it is
 * @param error    the error
 */
public record SessionError(SessionInfo session, CloseCategory category, Throwable error) {}
