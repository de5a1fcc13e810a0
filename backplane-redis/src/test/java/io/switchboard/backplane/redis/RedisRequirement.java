package io.switchboard.backplane.redis;

import io.switchboard.redis.RedisServer;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether these tests can run: they need Debian's {@code redis-server}. Missing, they are skipped, unless
 * {@code switchboard.redis.required=true} (as {@code .ci/run} sets), which makes them fail.
 */
final class RedisRequirement {

    private RedisRequirement() {}

    static void check() {
        if (RedisServer.installed()) {
            return;
        }
        String why = "redis-server is not installed (apt-get install redis-server)";
        if (Boolean.getBoolean("switchboard.redis.required")) {
            throw new IllegalStateException(why);
        }
        Assumptions.assumeTrue(false, why);
    }
}
