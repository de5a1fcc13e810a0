package io.switchboard.wildfly;

import io.switchboard.launch.ServerProcesses;
import io.switchboard.launch.StopOnExit;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs WARs on an unpacked WildFly in its own JVM, bound to 127.0.0.1 only, and waits until each is deployed and a
 * page answers. The samples' WildFly tests start it here; the TCK's Arquillian adapter starts WildFly itself.
 *
 * <p>Every run starts from a fresh copy of the distribution's {@code standalone/} directory in the work directory
 * (the server base), so nothing a run deploys or writes reaches the unpacked distribution, and the WARs go into that
 * copy's {@code deployments/} directory under the names that give their context roots ({@code chat.war} is served
 * at {@code /chat/}). HTTP and management listen on 127.0.0.1 only ({@code -b=127.0.0.1 -bmanagement=127.0.0.1});
 * every port moves by the port offset. Each server base gets WildFly's micrometer subsystem with a Prometheus registry
 * ({@link #PROMETHEUS_CLI}), so Switchboard's meters can be scraped at {@link #metricsUri()}.
 *
 * <pre>{@code
 * try (WildFly wildfly = WildFly.start(new Setup(home, workDir, Map.of("chat.war", war), 0, List.of()),
 *         "/chat/", Duration.ofMinutes(3))) {
 *     URI page = wildfly.baseUri().resolve("chat/");
 * }
 * }</pre>
 *
 * <p>The JDK alone, so that it runs anywhere the build runs.
 */
public final class WildFly implements AutoCloseable {

    /** WildFly's HTTP port before the offset. */
    public static final int HTTP_PORT = 8080;

    /** WildFly's management port before the offset. */
    public static final int MANAGEMENT_PORT = 9990;

    /** The CLI script, a resource of this jar, that gives each server base a Prometheus registry. */
    public static final String PROMETHEUS_CLI = "io/switchboard/wildfly/prometheus.cli";

    /**
     * What to run, and where.
     *
     * @param home        the unpacked WildFly distribution (holds {@code bin/standalone.sh})
     * @param workDir     the server base, log included, goes here ({@code workDir/base}); replaced on every start
     * @param deployments the WARs to deploy, by the file name that gives each its context root
     * @param portOffset  added to every port WildFly opens (HTTP is {@code 8080 + portOffset})
     * @param options     further server options, such as {@code -Dchat.demo=true}; may be empty
     */
    public record Setup(
            Path home, Path workDir, java.util.Map<String, Path> deployments, int portOffset, List<String> options) {
        public Setup {
            deployments = java.util.Map.copyOf(deployments);
            options = List.copyOf(options);
        }
    }

    private final Process process;
    private final URI baseUri;
    private final Path log;
    private final StopOnExit stopOnExit;

    private WildFly(Process process, URI baseUri, Path log) {
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
        this.stopOnExit = new StopOnExit("wildfly", this::stop);
    }

    /**
     * Starts WildFly with the setup's WARs and waits until every one is deployed and {@code readyPath} answers 200.
     *
     * @param setup     what to run
     * @param readyPath the page to wait for, e.g. {@code /chat/}
     * @param timeout   how long to wait before giving up (and stopping the server)
     * @return the running server; close it to stop it
     * @throws IllegalStateException if a file is missing, a port is taken, a deployment fails, WildFly exits, or the
     *                               page does not answer in time
     */
    public static WildFly start(Setup setup, String readyPath, Duration timeout)
            throws IOException, InterruptedException {
        Path script = setup.home().resolve("bin/standalone.sh");
        if (!Files.isRegularFile(script)) {
            throw new IllegalStateException(
                    "No WildFly at " + setup.home().toAbsolutePath() + ": " + script + " is missing");
        }
        for (Path war : setup.deployments().values()) {
            if (!Files.isRegularFile(war)) {
                throw new IllegalStateException("Missing " + war.toAbsolutePath());
            }
        }
        ServerProcesses.requireFree(HTTP_PORT + setup.portOffset());
        ServerProcesses.requireFree(MANAGEMENT_PORT + setup.portOffset());
        Path base = setup.workDir().resolve("base");
        ServerProcesses.deleteTree(base);
        copyTree(setup.home().resolve("standalone"), base);
        for (var deployment : setup.deployments().entrySet()) {
            Files.copy(
                    deployment.getValue(),
                    base.resolve("deployments").resolve(deployment.getKey()),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Path log = setup.workDir().resolve("wildfly.out");
        addPrometheusRegistry(setup, base, log);
        ProcessBuilder builder = new ProcessBuilder(command(setup, base)).redirectErrorStream(true);
        environment(builder, setup, "-Xmx512m -Djava.net.preferIPv4Stack=true");
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        WildFly server = new WildFly(
                builder.start(), URI.create("http://127.0.0.1:" + (HTTP_PORT + setup.portOffset()) + "/"), log);
        try {
            server.awaitDeployments(
                    base.resolve("deployments"), setup.deployments().keySet(), timeout);
            ServerProcesses.awaitPage(
                    "WildFly",
                    server.process,
                    server.baseUri.resolve(readyPath.startsWith("/") ? readyPath.substring(1) : readyPath),
                    timeout,
                    log);
            return server;
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    /** Runs {@value #PROMETHEUS_CLI} against the fresh server base, offline, before the server starts. */
    private static void addPrometheusRegistry(Setup setup, Path base, Path log)
            throws IOException, InterruptedException {
        Path script = setup.workDir().resolve("prometheus.cli");
        try (var in = WildFly.class.getClassLoader().getResourceAsStream(PROMETHEUS_CLI)) {
            if (in == null) {
                throw new IllegalStateException(PROMETHEUS_CLI + " is not on the class path of " + WildFly.class);
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder cli = new ProcessBuilder(
                        setup.home()
                                .resolve("bin/jboss-cli.sh")
                                .toAbsolutePath()
                                .toString(),
                        "--file=" + script.toAbsolutePath())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment(cli, setup, "-Djboss.server.base.dir=" + base.toAbsolutePath());
        Process configuring = cli.start();
        if (!configuring.waitFor(2, TimeUnit.MINUTES) || configuring.exitValue() != 0) {
            configuring.destroyForcibly();
            throw new IllegalStateException(
                    "Adding the Prometheus registry to " + base + " failed" + ServerProcesses.tail(log));
        }
    }

    private static void environment(ProcessBuilder builder, Setup setup, String javaOptions) {
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JBOSS_HOME", setup.home().toAbsolutePath().toString());
        builder.environment().put("JAVA_OPTS", javaOptions);
    }

    private static List<String> command(Setup setup, Path base) {
        List<String> command = new ArrayList<>();
        command.add(setup.home().resolve("bin/standalone.sh").toAbsolutePath().toString());
        command.add("-c=standalone-microprofile.xml");
        command.add("-Djboss.server.base.dir=" + base.toAbsolutePath());
        command.add("-b=127.0.0.1");
        command.add("-bmanagement=127.0.0.1");
        command.add("--stability=community");
        command.add("-Djboss.socket.binding.port-offset=" + setup.portOffset());
        command.addAll(setup.options());
        return command;
    }

    /** A port offset whose HTTP and management ports on 127.0.0.1 were free a moment ago. */
    public static int freePortOffset() throws IOException {
        for (int offset = 0; offset < 20_000; offset += 100) {
            if (ServerProcesses.isFree(HTTP_PORT + offset) && ServerProcesses.isFree(MANAGEMENT_PORT + offset)) {
                return offset;
            }
        }
        throw new IllegalStateException("No free pair of HTTP and management ports on 127.0.0.1");
    }

    /** {@code http://127.0.0.1:<8080 + offset>/}. */
    public URI baseUri() {
        return baseUri;
    }

    /** The Prometheus registry: {@code http://127.0.0.1:<9990 + offset>/prometheus}. */
    public URI metricsUri() {
        return URI.create("http://127.0.0.1:" + (baseUri.getPort() - HTTP_PORT + MANAGEMENT_PORT) + "/prometheus");
    }

    /** Where WildFly's console output goes ({@code server.log} is in the server base's {@code log/}). */
    public Path log() {
        return log;
    }

    @Override
    public void close() {
        stopOnExit.close();
    }

    /** Stops the script and the server JVM it started (the script does not pass a kill on to it). */
    private void stop() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception notGone) {
                handle.destroyForcibly();
            }
        }
    }

    /** Waits for the deployment scanner's marker of every WAR: {@code .deployed}, or {@code .failed} (an error). */
    private void awaitDeployments(Path deployments, java.util.Set<String> names, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String name : names) {
            while (!Files.exists(deployments.resolve(name + ".deployed"))) {
                Path failed = deployments.resolve(name + ".failed");
                if (Files.exists(failed)) {
                    throw new IllegalStateException(
                            "WildFly failed to deploy " + name + ": " + read(failed) + ServerProcesses.tail(log));
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("WildFly exited with code " + process.exitValue()
                            + " before deploying " + name + ServerProcesses.tail(log));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            name + " was not deployed within " + timeout + ServerProcesses.tail(log));
                }
                Thread.sleep(250);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
