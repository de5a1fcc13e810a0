/**
 * A real Redis for tests: {@link io.switchboard.redis.RedisServer} runs Debian's {@code redis-server} on a free
 * loopback port with protected mode, in a throw-away directory, and stops, kills, freezes or restarts it.
 */
package io.switchboard.redis;
