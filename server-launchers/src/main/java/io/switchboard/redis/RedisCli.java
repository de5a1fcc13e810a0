package io.switchboard.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code redis-cli} against one Redis, signed in and over TLS as that Redis wants: the only way this package
 * talks to Redis, so that no Redis protocol is written here. Its output goes to files rather than pipes, so that
 * a command that prints much never blocks and one that hangs (a frozen Redis) can simply be given up on.
 */
final class RedisCli {

    /**
     * What a run came to.
     *
     * @param answered whether {@code redis-cli} ended in time; if not, it was killed and the rest is empty
     * @param exitCode its exit code; {@code 0} also for an error reply such as {@code NOAUTH}, which it prints
     * @param out      its standard output, trimmed
     * @param err      its standard error, trimmed
     */
    record Result(boolean answered, int exitCode, String out, String err) {}

    private final Path executable;
    private final Path scratch;
    private final List<String> connection;
    private final String password;

    /**
     * @param executable {@code redis-cli}
     * @param scratch    a directory for the output files
     * @param connection the arguments that reach the Redis: host, port, TLS, user
     * @param password   the password to sign in with, or {@code null}
     */
    RedisCli(Path executable, Path scratch, List<String> connection, String password) {
        this.executable = executable;
        this.scratch = scratch;
        this.connection = List.copyOf(connection);
        this.password = password;
    }

    /**
     * Runs one command.
     *
     * @param timeout   how long it may take
     * @param arguments the command, such as {@code "GET", "key"}
     * @return what it came to
     */
    Result run(Duration timeout, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable.toString());
        command.addAll(connection);
        command.addAll(arguments);
        Path out = Files.createTempFile(scratch, "cli-", ".out");
        Path err = Files.createTempFile(scratch, "cli-", ".err");
        try {
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            // The password through the environment, which redis-cli reads for this: not on a command line that
            // ps shows, and without the warning -a prints. Never the caller's own REDISCLI_AUTH.
            Map<String, String> environment = builder.environment();
            environment.remove("REDISCLI_AUTH");
            if (password != null) {
                environment.put("REDISCLI_AUTH", password);
            }
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return new Result(false, -1, "", "");
            }
            return new Result(
                    true,
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8).trim(),
                    Files.readString(err, StandardCharsets.UTF_8).trim());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
