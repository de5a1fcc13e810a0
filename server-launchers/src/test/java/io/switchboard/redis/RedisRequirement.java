package io.switchboard.redis;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether a test of Redis can run here: where {@code redis-server} (or, for TLS, {@code openssl}) is missing it is
 * skipped, unless {@value RedisServer#REQUIRED} is {@code true} (as {@code .ci/run} sets), which makes it fail.
 */
final class RedisRequirement {

    private RedisRequirement() {}

    /**
     * Ends the calling test unless a Redis with these options can be started: skipped, or failed where
     * {@value RedisServer#REQUIRED} is true.
     *
     * @param options what the test starts
     */
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
