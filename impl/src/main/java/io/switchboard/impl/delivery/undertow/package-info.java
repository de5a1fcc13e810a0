/**
 * Undertow's batched writes (WildFly): where several messages wait for one session, they are sent as one batch of
 * the standard API, {@code RemoteEndpoint.Async.setBatchingAllowed(true)}, the sends, then batching off and
 * {@code flushBatch()}, which Undertow writes with one gathering write. Only the standard API is used, but its
 * meaning is Undertow's (Tyrus ignores batching; other containers may complete or refuse the sends differently),
 * so {@link io.switchboard.impl.delivery.undertow.UndertowFastPath} gives it only to Undertow's sessions. A message
 * that finds its queue idle is sent as before, alone.
 */
package io.switchboard.impl.delivery.undertow;
