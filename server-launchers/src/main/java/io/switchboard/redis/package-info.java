/**
 * A real Redis for tests: {@link io.switchboard.redis.RedisServer} runs Debian's {@code redis-server} on a free
 * loopback port with protected mode, in a throw-away directory, optionally with a password, an ACL user or TLS (a
 * throw-away CA made with {@code openssl}); it stops, kills, freezes or restarts it, and reaches it through
 * {@code redis-cli} only.
 */
package io.switchboard.redis;
