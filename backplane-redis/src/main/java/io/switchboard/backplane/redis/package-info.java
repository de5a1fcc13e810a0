/**
 * The Redis backplane: {@link io.switchboard.backplane.redis.RedisBackplane}, switched on by
 * {@code switchboard.backplane=redis}. Broadcasts go through one Redis pub/sub channel, encoded once
 * ({@link io.switchboard.backplane.redis.WireFormat}); presence and per-principal counts live in hashes that Lua
 * scripts change atomically ({@link io.switchboard.backplane.redis.Scripts}); each node refreshes a key with an
 * expiry, and any node removes the entries of a node whose key expired. Rooms with history keep it in a stream each
 * ({@link io.switchboard.backplane.redis.History}), recorded and published in one script, so positions reach every
 * node in order. {@link
 * io.switchboard.backplane.redis.Link} decides when the link to Redis is up, and {@link
 * io.switchboard.backplane.redis.BackplaneReadiness} reports it to MicroProfile Health.
 */
package io.switchboard.backplane.redis;
