package io.switchboard.bench;

import io.switchboard.redis.RedisServer;
import java.io.IOException;

/**
 * What Redis says about itself at one moment, read through {@code redis-cli INFO all}: how many {@code PUBLISH}
 * commands it has run ({@code cmdstat_publish:calls}) and its own CPU time ({@code used_cpu_user} +
 * {@code used_cpu_sys}). Two readings around a round give the publishes and the Redis CPU per broadcast.
 *
 * @param publishes  {@code PUBLISH} commands since Redis started
 * @param cpuMicros  Redis's CPU time since it started, microseconds
 */
record RedisStats(long publishes, double cpuMicros) {

    /** Reads them now. */
    static RedisStats read(RedisServer redis) throws IOException, InterruptedException {
        // "all" and not the default sections: commandstats is only in "all" (or asked for by name).
        String info = redis.cli("INFO", "all");
        long publishes = 0;
        double cpuSeconds = 0;
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("cmdstat_publish:")) {
                // cmdstat_publish:calls=12,usec=34,usec_per_call=2.83,rejected_calls=0,failed_calls=0
                for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
                    if (field.startsWith("calls=")) {
                        publishes = Long.parseLong(field.substring("calls=".length()));
                    }
                }
            } else if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
                cpuSeconds +=
                        Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return new RedisStats(publishes, cpuSeconds * 1e6);
    }

    /** What happened between an earlier reading and this one. */
    RedisStats since(RedisStats earlier) {
        return new RedisStats(publishes - earlier.publishes, cpuMicros - earlier.cpuMicros);
    }
}
