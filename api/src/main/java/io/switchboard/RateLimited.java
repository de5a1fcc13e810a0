package io.switchboard;

/**
 * CDI event fired when a message over a {@link RateLimit} is dropped (policy {@link RateLimit.Policy#DROP}), on the
 * thread that received it; observers must be quick, as a flood fires many.
 *
 * @param session the session that sent it
 * @param scope   whose bucket was empty
 */
public record RateLimited(SessionInfo session, RateLimit.Scope scope) {}
