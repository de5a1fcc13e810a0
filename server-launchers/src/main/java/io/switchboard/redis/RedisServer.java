package io.switchboard.redis;

import io.switchboard.launch.StopOnExit;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's {@code redis-server} for a test: bound to 127.0.0.1 on a free port, protected mode on, nothing saved to
 * disk, its log in its own throw-away directory. {@link #kill()} and {@link #restart()} (same port, empty) stand for
 * a crash and a restart, {@link #freeze()} and {@link #thaw()} for a Redis that stops answering with its sockets
 * open. Everything else about Redis is reached through {@code redis-cli}, never a hand-written protocol.
 *
 * <pre>{@code
 * try (RedisServer redis = RedisServer.start(Path.of("target"))) {
 *     System.setProperty("switchboard.backplane.redis.url", redis.uri().toString());
 * }
 * }</pre>
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(15);

    /**
     * How a Redis is secured.
     *
     * @param user     an ACL user that may do everything (the default user is then off), or {@code null}
     * @param password that user's password, or the {@code requirepass} without a user; {@code null} for none
     * @param tls      whether it listens with TLS only, with a throw-away CA and certificate for 127.0.0.1
     */
    public record Options(String user, String password, boolean tls) {

        /** No password, no TLS. */
        public static final Options PLAIN = new Options(null, null, false);
    }

    private final Path directory;
    private final Path config;
    private final int port;
    private final Options options;
    private Process process;
    private StopOnExit stopOnExit;

    private RedisServer(Path directory, Path config, int port, Options options) {
        this.directory = directory;
        this.config = config;
        this.port = port;
        this.options = options;
    }

    /**
     * Whether {@code redis-server} is installed (Debian package {@code redis-server}).
     *
     * @return whether it is
     */
    public static boolean installed() {
        return executable("redis-server").isPresent() && executable("redis-cli").isPresent();
    }

    /**
     * Starts a Redis and waits until it accepts connections.
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
     * @throws IOException if it does not start, or TLS is asked for and {@code openssl} is missing
     */
    public static RedisServer start(Path workDirectory, Options options) throws IOException {
        Files.createDirectories(workDirectory);
        Path directory = Files.createTempDirectory(workDirectory.toAbsolutePath(), "redis-");
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path config = directory.resolve("redis.conf");
        List<String> lines = new ArrayList<>(List.of(
                "bind 127.0.0.1",
                "protected-mode yes",
                "dir " + directory,
                "logfile " + directory.resolve("redis.log"),
                "save \"\"",
                "appendonly no",
                "daemonize no"));
        if (options.tls()) {
            Certificates.write(directory);
            lines.addAll(List.of(
                    "port 0",
                    "tls-port " + port,
                    "tls-cert-file " + directory.resolve(Certificates.SERVER_CERT),
                    "tls-key-file " + directory.resolve(Certificates.SERVER_KEY),
                    "tls-ca-cert-file " + directory.resolve(Certificates.CA_CERT),
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
        lines.add("");
        Files.writeString(config, String.join("\n", lines), StandardCharsets.UTF_8);
        RedisServer server = new RedisServer(directory, config, port, options);
        server.launch();
        return server;
    }

    private void launch() throws IOException {
        String binary = executable("redis-server")
                .orElseThrow(() -> new IOException("redis-server is not installed (apt-get install redis-server)"));
        Process started = new ProcessBuilder(binary, config.toString())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("redis.out").toFile())
                .start();
        process = started;
        stopOnExit = new StopOnExit("redis-" + port, started::destroyForcibly);
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("redis-server exited at start: " + tail());
            }
            if (log().contains("Ready to accept connections")) {
                return;
            }
            sleep(20);
        }
        process.destroyForcibly();
        throw new IOException("redis-server did not become ready within " + READY + ": " + tail());
    }

    /** {@code redis://127.0.0.1:<port>}, {@code rediss://} with TLS, with the user and password where set. */
    public URI uri() {
        String credentials = options.password() == null
                ? ""
                : (options.user() == null ? "" : options.user()) + ":" + options.password() + "@";
        return URI.create((options.tls() ? "rediss" : "redis") + "://" + credentials + "127.0.0.1:" + port);
    }

    /** The PEM file of the CA that signed the TLS certificate; only with TLS. */
    public Path caCertificate() {
        return directory.resolve(Certificates.CA_CERT);
    }

    /** The port it listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Its log file. */
    public Path logFile() {
        return directory.resolve("redis.log");
    }

    /** Stops it cleanly (SIGTERM) and waits. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        unregister();
    }

    /** Ends it with SIGKILL, as a crash would. */
    public void kill() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        unregister();
    }

    /** Starts it again on the same port, empty (nothing is saved). Stops it first if it runs. */
    public void restart() throws IOException, InterruptedException {
        stop();
        Files.writeString(logFile(), "", StandardCharsets.UTF_8);
        launch();
    }

    /** Stops the process (SIGSTOP): its sockets stay open but nothing is answered. */
    public void freeze() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** Lets a frozen process go on (SIGCONT). */
    public void thaw() throws IOException, InterruptedException {
        signal("CONT");
    }

    private void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                .inheritIO()
                .start();
        if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IOException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /**
     * Runs {@code redis-cli} against it and returns what it printed.
     *
     * @param arguments the command, such as {@code "KEYS", "*"}
     * @return the output
     */
    public String cli(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(executable("redis-cli").orElseThrow(() -> new IOException("redis-cli is not installed")));
        command.add("-h");
        command.add("127.0.0.1");
        command.add("-p");
        command.add(Integer.toString(port));
        if (options.tls()) {
            command.addAll(List.of("--tls", "--cacert", caCertificate().toString()));
        }
        if (options.user() != null) {
            command.addAll(List.of("--user", options.user()));
        }
        if (options.password() != null) {
            command.addAll(List.of("--pass", options.password(), "--no-auth-warning"));
        }
        command.addAll(List.of(arguments));
        Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!cli.waitFor(10, TimeUnit.SECONDS)) {
            cli.destroyForcibly();
            throw new IOException("redis-cli " + String.join(" ", arguments) + " did not answer in 10 s");
        }
        return new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    /** Stops it and deletes its directory. */
    @Override
    public void close() throws InterruptedException, IOException {
        stop();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
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

    private String tail() {
        String log = log();
        return log.length() > 2000 ? log.substring(log.length() - 2000) : log;
    }

    private static Optional<String> executable(String name) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/sbin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Optional.of(Path.of(dir, name).toString());
            }
        }
        return Optional.empty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
