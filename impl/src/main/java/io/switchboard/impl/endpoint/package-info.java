/**
 * The endpoint bridge: how Switchboard sees every session of a user's {@code @ServerEndpoint} without
 * changing it. For each user class, {@link io.switchboard.impl.endpoint.BridgeConfigs} builds a container
 * config for a {@link io.switchboard.impl.endpoint.BridgeEndpoint} at the same path; the bridge creates the
 * user's instance per connection and calls its annotated methods as the container would
 * ({@link io.switchboard.impl.endpoint.EndpointModel} reads them once per class).
 */
package io.switchboard.impl.endpoint;
