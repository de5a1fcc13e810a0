package io.switchboard.backplane.redis;

import io.switchboard.redis.RedisServer;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether these tests can run: they need Debian's {@code redis-server} (and {@code openssl} for TLS). Missing, they
 * are skipped, unless {@value RedisServer#REQUIRED} is {@code true} (as {@code .ci/run} sets), which makes them fail.
 */
final class RedisRequirement {

    private RedisRequirement() {}

    static void check() {
        check(RedisServer.Options.PLAIN);
    }

    static void check(RedisServer.Options options) {
        Optional<String> missing = RedisServer.missingReason(options);
        if (missing.isEmpty()) {
            return;
        }
        if (Boolean.getBoolean(RedisServer.REQUIRED)) {
            throw new AssertionError(missing.get() + ", but " + RedisServer.REQUIRED + " is true");
        }
        Assumptions.abort(missing.get() + "; Redis tests are skipped");
    }
}
