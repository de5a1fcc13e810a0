package io.switchboard.redis;

import io.switchboard.launch.ServerProcesses;
import io.switchboard.launch.StopOnExit;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Debian's {@code redis-server} for a test: bound to 127.0.0.1 on a free port, protected mode on, nothing saved to
 * disk, its configuration and log in its own throw-away directory. {@link #kill()} and {@link #restart()} (same
 * port, empty) stand for a crash and a restart, {@link #freeze()} and {@link #thaw()} for a Redis that stops
 * answering with its sockets open. {@link Options} add a password, an ACL user and TLS. Everything else about Redis
 * is reached through {@code redis-cli} ({@link #cli}), never a hand-written protocol.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start(Path.of("target"))) {
 *     System.setProperty("switchboard.backplane.redis.url", redis.uri().toString());
 * }
 * }</pre>
 *
 * <p>Whether a test can run is {@link #missingReason(Options)}; whether it is skipped or fails without Redis is the
 * test's to decide, with {@value #REQUIRED} (this class needs the JDK alone, so it cannot skip a test itself).
 */
public final class RedisServer implements AutoCloseable {

    /**
     * System property: {@code true} makes a test that needs Redis (and, for TLS, {@code openssl}) fail where it is
     * missing, instead of being skipped. {@code .ci/run} sets it.
     */
    public static final String REQUIRED = "switchboard.redis.required";

    /** Redis is ready in milliseconds; seconds leave room for a machine busy with several test JVMs. */
    private static final Duration READY = Duration.ofSeconds(15);

    private static final Duration CLI_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(5);
    private static final String LOG = "redis.log";
    private static final String OUTPUT = "redis.out";

    /**
     * How a Redis is secured. User names and passwords go into {@code redis.conf} and the URI as they are, so they
     * are letters, digits and {@code . _ ~ -} only.
     *
     * @param user     an ACL user that may do everything, or {@code null}; with one, the default user is off, so
     *                 that no client gets in without signing in as that user
     * @param password that user's password; without a user, the default user's ({@code requirepass}); {@code null}
     *                 for none
     * @param tls      whether it takes TLS connections only, with a certificate for 127.0.0.1 and localhost signed
     *                 by a throw-away CA ({@link RedisServer#caCertificate()}); needs {@code openssl}
     */
    public record Options(String user, String password, boolean tls) {

        /** No password, no TLS. */
        public static final Options PLAIN = new Options(null, null, false);

        private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._~-]+");

        /** Checks the user name and the password. */
        public Options {
            if (user != null && !SAFE.matcher(user).matches()) {
                throw new IllegalArgumentException("A Redis user name is letters, digits and . _ ~ - only: " + user);
            }
            if (user != null && user.equals("default")) {
                throw new IllegalArgumentException("The default user's password is set without a user name");
            }
            if (user != null && password == null) {
                throw new IllegalArgumentException("The Redis user " + user + " needs a password");
            }
            if (password != null && !SAFE.matcher(password).matches()) {
                // The password itself stays out of the message, which ends up in build logs.
                throw new IllegalArgumentException("A Redis password is letters, digits and . _ ~ - only");
            }
        }

        /** These options with a password: the user's, or the default user's without one. */
        public Options withPassword(String password) {
            return new Options(user, password, tls);
        }

        /** These options with an ACL user that may do everything, and its password. */
        public Options withUser(String user, String password) {
            return new Options(user, password, tls);
        }

        /** These options with TLS only. */
        public Options withTls() {
            return new Options(user, password, true);
        }
    }

    private final Path directory;
    private final Path config;
    private final int port;
    private final Options options;
    private final RedisCli cli;
    private Process process;
    private StopOnExit stopOnExit;
    private boolean frozen;

    private RedisServer(Path directory, Path config, int port, Options options, RedisCli cli) {
        this.directory = directory;
        this.config = config;
        this.port = port;
        this.options = options;
        this.cli = cli;
    }

    /**
     * Whether {@code redis-server} and {@code redis-cli} are installed (Debian package {@code redis-server}).
     *
     * @return whether they are
     */
    public static boolean installed() {
        return missingReason(Options.PLAIN).isEmpty();
    }

    /**
     * Why a Redis with these options cannot be started here: {@code redis-server}, {@code redis-cli} or, for TLS,
     * {@code openssl} missing. A test skips (or, with {@value #REQUIRED}, fails) with this as its reason.
     *
     * @param options what the test asks for
     * @return the reason, or empty if it can be started
     */
    public static Optional<String> missingReason(Options options) {
        List<String> missing = new ArrayList<>();
        List<String> packages = new ArrayList<>();
        for (String command : options.tls()
                ? List.of("redis-server", "redis-cli", "openssl")
                : List.of("redis-server", "redis-cli")) {
            if (Executables.find(command).isEmpty()) {
                missing.add(command);
                // redis-cli comes with redis-server (through redis-tools).
                String debianPackage = command.equals("openssl") ? "openssl" : "redis-server";
                if (!packages.contains(debianPackage)) {
                    packages.add(debianPackage);
                }
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                String.join(", ", missing) + " not installed (apt-get install " + String.join(" ", packages) + ")");
    }

    /**
     * Starts a Redis without password or TLS and waits until it accepts connections.
     *
     * @param workDirectory where its own directory is made
     * @return the running server
     * @throws IOException if it does not start; the message holds its log's end
     */
    public static RedisServer start(Path workDirectory) throws IOException {
        return start(workDirectory, Options.PLAIN);
    }

    /**
     * Starts a Redis secured as given and waits until it accepts connections.
     *
     * @param workDirectory where its own directory is made
     * @param options       password, ACL user, TLS
     * @return the running server
     * @throws IOException if a command it needs is missing ({@link #missingReason}), or it does not start; the
     *                     message then holds its log's end
     */
    public static RedisServer start(Path workDirectory, Options options) throws IOException {
        Optional<String> missing = missingReason(options);
        if (missing.isPresent()) {
            throw new IOException("Cannot start Redis: " + missing.get());
        }
        Files.createDirectories(workDirectory);
        Path directory = Files.createTempDirectory(workDirectory.toAbsolutePath(), "redis-");
        int port = ServerProcesses.freePort();
        if (options.tls()) {
            Certificates.write(directory);
        }
        Path config = directory.resolve("redis.conf");
        Files.writeString(config, String.join("\n", configuration(directory, port, options)) + "\n");
        RedisServer server = new RedisServer(directory, config, port, options, cliFor(directory, port, options));
        server.launch();
        return server;
    }

    private static List<String> configuration(Path directory, int port, Options options) {
        List<String> lines = new ArrayList<>(List.of(
                // Nothing beyond this machine reaches it, and protected mode would refuse other hosts even if the
                // bind were lost: a test's Redis has no password unless asked for.
                "bind 127.0.0.1",
                "protected-mode yes",
                "dir " + quoted(directory),
                // A file rather than standard output, so that a failure can quote it and a restart starts it anew.
                "logfile " + quoted(directory.resolve(LOG)),
                // Nothing survives a stop: a restarted Redis is empty, as after a crash that lost everything.
                "save \"\"",
                "appendonly no",
                // In the foreground, so that the process this class holds is Redis itself.
                "daemonize no"));
        if (options.tls()) {
            lines.addAll(List.of(
                    // TLS on the one port, and no plain port at all.
                    "port 0",
                    "tls-port " + port,
                    "tls-cert-file " + quoted(directory.resolve(Certificates.SERVER_CERT)),
                    "tls-key-file " + quoted(directory.resolve(Certificates.SERVER_KEY)),
                    "tls-ca-cert-file " + quoted(directory.resolve(Certificates.CA_CERT)),
                    // Clients prove nothing with certificates: they sign in with a password if there is one.
                    "tls-auth-clients no"));
        } else {
            lines.add("port " + port);
        }
        if (options.user() != null) {
            lines.add("user default off");
            lines.add("user " + options.user() + " on >" + options.password() + " ~* &* +@all");
        } else if (options.password() != null) {
            lines.add("requirepass " + options.password());
        }
        return lines;
    }

    /** A path as one argument of {@code redis.conf}, whatever the work directory's name holds (spaces). */
    private static String quoted(Path path) {
        return '"' + path.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static RedisCli cliFor(Path directory, int port, Options options) {
        List<String> connection = new ArrayList<>(List.of("-h", "127.0.0.1", "-p", Integer.toString(port)));
        if (options.tls()) {
            connection.addAll(List.of(
                    "--tls", "--cacert", directory.resolve(Certificates.CA_CERT).toString()));
        }
        if (options.user() != null) {
            connection.addAll(List.of("--user", options.user()));
        }
        return new RedisCli(Executables.find("redis-cli").orElseThrow(), directory, connection, options.password());
    }

    private void launch() throws IOException {
        Path binary = Executables.find("redis-server").orElseThrow(() -> new IOException("redis-server is gone"));
        Process started = new ProcessBuilder(binary.toString(), config.toString())
                .directory(directory.toFile())
                // What Redis prints before it opens its log file (a configuration error) lands here.
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve(OUTPUT).toFile())
                .start();
        process = started;
        frozen = false;
        stopOnExit = new StopOnExit("redis-" + port, started::destroyForcibly);
        try {
            awaitReady(started);
        } catch (IOException | RuntimeException e) {
            started.destroyForcibly();
            unregister();
            throw e;
        }
    }

    private void awaitReady(Process started) throws IOException {
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new IOException("redis-server exited with code " + started.exitValue() + " at start" + tails());
            }
            if (log().contains("Ready to accept connections")) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while redis-server started", e);
            }
        }
        throw new IOException("redis-server did not become ready within " + READY + tails());
    }

    /**
     * Where a client connects: {@code redis://127.0.0.1:<port>}, {@code rediss://} with TLS, with
     * {@code user:password@} or {@code :password@} in front of the host where the options have them.
     */
    public URI uri() {
        String credentials = options.password() == null
                ? ""
                : (options.user() == null ? "" : options.user()) + ":" + options.password() + "@";
        return URI.create((options.tls() ? "rediss" : "redis") + "://" + credentials + "127.0.0.1:" + port);
    }

    /** The port it listens on, on 127.0.0.1: its TLS port with TLS, its only one. */
    public int port() {
        return port;
    }

    /** How it is secured. */
    public Options options() {
        return options;
    }

    /** Its own directory: configuration, log, certificates; {@link #close()} deletes it. */
    public Path directory() {
        return directory;
    }

    /** Its log file, started anew by each {@link #restart()}. */
    public Path logFile() {
        return directory.resolve(LOG);
    }

    /**
     * The PEM file of the throw-away CA that signed its certificate, for a client to trust.
     *
     * @throws IllegalStateException without TLS
     */
    public Path caCertificate() {
        if (!options.tls()) {
            throw new IllegalStateException("This Redis was started without TLS, so it has no CA");
        }
        return directory.resolve(Certificates.CA_CERT);
    }

    /** Stops it cleanly (SIGTERM, and SIGKILL after 10 s) and waits; a frozen one too. Does nothing if it is down. */
    public void stop() throws InterruptedException {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.destroy();
            if (frozen) {
                // A stopped process keeps the SIGTERM pending until it runs again.
                signalQuietly(running, "CONT");
            }
            if (!running.waitFor(10, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        frozen = false;
        unregister();
    }

    /** Ends it with SIGKILL, as a crash would; a frozen one too. Does nothing if it is down. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        frozen = false;
        unregister();
    }

    /**
     * Starts it again on the same port with the same configuration, and waits until it is ready. It is empty, as
     * nothing is saved. Stops it first if it runs.
     *
     * @throws IOException if it does not start (the port was taken meanwhile, say); the message holds its log's end
     */
    public void restart() throws IOException, InterruptedException {
        stop();
        // The ready line of the last run must not count for this one.
        Files.writeString(logFile(), "", StandardCharsets.UTF_8);
        launch();
    }

    /**
     * Stops the process (SIGSTOP): its sockets stay open, connections are accepted by the kernel, nothing is
     * answered, as with a Redis stuck in a long command or a paused VM.
     *
     * @throws IllegalStateException if it is not running
     * @throws IOException           if the signal could not be sent
     */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
        frozen = true;
    }

    /**
     * Lets a frozen process go on (SIGCONT); what clients sent meanwhile is answered now.
     *
     * @throws IllegalStateException if it is not running
     * @throws IOException           if the signal could not be sent
     */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
        frozen = false;
    }

    private void signal(String name) throws IOException, InterruptedException {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("redis-server on port " + port + " is not running");
        }
        Process kill = sendSignal(process, name);
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            kill.destroyForcibly();
            throw new IOException("kill -" + name + " " + process.pid() + " failed: "
                    + new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void signalQuietly(Process target, String name) {
        try {
            sendSignal(target, name).waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            // stop() goes on to SIGKILL after its wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Process sendSignal(Process target, String name) throws IOException {
        // The JDK sends only SIGTERM and SIGKILL. The shell's own kill sends any signal and is there wherever
        // /bin/sh is (procps's /usr/bin/kill is not on minimal images).
        return new ProcessBuilder("/bin/sh", "-c", "kill -" + name + " \"$1\"", "sh", Long.toString(target.pid()))
                .redirectErrorStream(true)
                .start();
    }

    /**
     * Runs {@code redis-cli} against it, signed in and over TLS as it wants, and returns what it printed. An error
     * reply (such as {@code WRONGTYPE}) is printed, not thrown.
     *
     * @param arguments the command, such as {@code "KEYS", "*"}
     * @return the standard output, trimmed; {@code redis-cli} prints each element of an array on a line of its own
     * @throws IOException if {@code redis-cli} fails (no connection) or gets no answer within 10 s
     */
    public String cli(String... arguments) throws IOException, InterruptedException {
        RedisCli.Result result = cli.run(CLI_TIMEOUT, List.of(arguments));
        String command = "redis-cli " + String.join(" ", arguments);
        if (!result.answered()) {
            throw new IOException(command + " got no answer within " + CLI_TIMEOUT + (frozen ? " (frozen)" : ""));
        }
        if (result.exitCode() != 0) {
            throw new IOException(command + " failed with code " + result.exitCode() + ": " + result.err());
        }
        return result.out();
    }

    /** Whether it answers {@code PING} with {@code PONG} within 5 s. */
    public boolean ping() throws IOException, InterruptedException {
        return ping(PING_TIMEOUT);
    }

    /**
     * Whether it answers {@code PING} with {@code PONG} in time: {@code false} if it is down, frozen or refuses.
     *
     * @param within how long to wait
     * @return whether it answered
     */
    public boolean ping(Duration within) throws IOException, InterruptedException {
        RedisCli.Result result = cli.run(within, List.of("PING"));
        return result.answered() && result.exitCode() == 0 && result.out().equals("PONG");
    }

    /**
     * Deletes every key ({@code FLUSHALL}), for tests that share one Redis.
     *
     * @throws IOException if it does not answer {@code OK}
     */
    public void flushAll() throws IOException, InterruptedException {
        String answer = cli("FLUSHALL");
        if (!answer.equals("OK")) {
            throw new IOException("FLUSHALL answered " + answer);
        }
    }

    /** Stops it and deletes its directory. */
    @Override
    public void close() throws InterruptedException, IOException {
        stop();
        ServerProcesses.deleteTree(directory);
    }

    private void unregister() {
        if (stopOnExit != null) {
            stopOnExit.close();
            stopOnExit = null;
        }
    }

    private String log() {
        try {
            return Files.exists(logFile()) ? Files.readString(logFile(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private String tails() {
        Path output = directory.resolve(OUTPUT);
        boolean printed = false;
        try {
            printed = Files.size(output) > 0;
        } catch (IOException e) {
            // nothing printed, or nothing to read
        }
        return ServerProcesses.tail(logFile()) + (printed ? ServerProcesses.tail(output) : "");
    }
}
