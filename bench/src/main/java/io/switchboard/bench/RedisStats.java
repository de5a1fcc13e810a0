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
 * @param commands   commands it ran since it started ({@code total_commands_processed}: a script's {@code EVAL} and
 *                   every command the script calls)
 * @param scripts    scripts it ran since it started ({@code cmdstat_eval}, {@code cmdstat_evalsha} and {@code
 *                   cmdstat_fcall} calls)
 */
record RedisStats(long publishes, double cpuMicros, long commands, long scripts) {

    /** Reads them now. */
    static RedisStats read(RedisServer redis) throws IOException, InterruptedException {
        // "all" and not the default sections: commandstats is only in "all" (or asked for by name).
        String info = redis.cli("INFO", "all");
        long publishes = 0;
        long commands = 0;
        long scripts = 0;
        double cpuSeconds = 0;
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("cmdstat_publish:")) {
                // cmdstat_publish:calls=12,usec=34,usec_per_call=2.83,rejected_calls=0,failed_calls=0
                publishes = calls(line);
            } else if (line.startsWith("cmdstat_eval:")
                    || line.startsWith("cmdstat_evalsha:")
                    || line.startsWith("cmdstat_fcall:")) {
                scripts += calls(line);
            } else if (line.startsWith("total_commands_processed:")) {
                commands = Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
                cpuSeconds +=
                        Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        return new RedisStats(publishes, cpuSeconds * 1e6, commands, scripts);
    }

    /** The {@code calls=} of a {@code cmdstat_} line. */
    private static long calls(String line) {
        for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
            if (field.startsWith("calls=")) {
                return Long.parseLong(field.substring("calls=".length()));
            }
        }
        return 0;
    }

    /** What happened between an earlier reading and this one. */
    RedisStats since(RedisStats earlier) {
        return new RedisStats(
                publishes - earlier.publishes,
                cpuMicros - earlier.cpuMicros,
                commands - earlier.commands,
                scripts - earlier.scripts);
    }
}
