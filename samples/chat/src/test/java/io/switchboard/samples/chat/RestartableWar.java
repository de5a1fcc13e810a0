package io.switchboard.samples.chat;

import io.switchboard.launch.DeployedWar;
import io.switchboard.payara.PayaraMicro;
import io.switchboard.wildfly.WildFly;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The chat WAR on a server of the test's own, of the run's kind ({@link DeployedWar}'s system properties), that can
 * be stopped and started again on the same port: Payara Micro on the same HTTP port, WildFly with the same port
 * offset. Each start is a fresh server (Payara's root directory and WildFly's server base are made anew), as after a
 * redeployment.
 */
final class RestartableWar implements AutoCloseable {

    private static final String CONTEXT_ROOT = "/chat";

    private final String server;
    private final Path workDir;
    private final int port; // Payara's HTTP port, or WildFly's port offset
    private final URI page;
    private AutoCloseable running;
    private int starts;

    private RestartableWar(String server, Path workDir, int port, URI page) {
        this.server = server;
        this.workDir = workDir;
        this.port = port;
        this.page = page;
    }

    /** Starts the WAR in demo mode on a server of its own, in a work directory {@code name} under the run's. */
    static RestartableWar start(String name) throws Exception {
        String server = required(DeployedWar.SERVER);
        Path workDir = Path.of(required(DeployedWar.WORK_DIR)).resolve(name);
        RestartableWar war = switch (server) {
            case "payara" -> {
                int port = PayaraMicro.freePort();
                yield new RestartableWar(
                        server, workDir, port, URI.create("http://127.0.0.1:" + port + CONTEXT_ROOT + "/"));
            }
            case "wildfly" -> {
                int offset = WildFly.freePortOffset();
                yield new RestartableWar(
                        server,
                        workDir,
                        offset,
                        URI.create("http://127.0.0.1:" + (WildFly.HTTP_PORT + offset) + CONTEXT_ROOT + "/"));
            }
            default -> throw new IllegalStateException(DeployedWar.SERVER + " is neither payara nor wildfly");
        };
        war.start();
        return war;
    }

    /** Starts the server again, on the same port; it must have been stopped. */
    void start() throws IOException, InterruptedException {
        if (running != null) {
            throw new IllegalStateException("running already");
        }
        starts++;
        Path war = Path.of(required(DeployedWar.WAR));
        List<String> options = Arrays.stream(
                        System.getProperty(DeployedWar.OPTIONS, "").split(" "))
                .filter(option -> !option.isBlank())
                .toList();
        Duration timeout = Duration.ofSeconds(Long.getLong(DeployedWar.TIMEOUT, 180));
        running = switch (server) {
            case "payara" ->
                PayaraMicro.start(
                        new PayaraMicro.Setup(
                                Path.of(required(DeployedWar.PAYARA_JAR)), war, workDir, port, options, CONTEXT_ROOT),
                        "",
                        timeout,
                        workDir.resolve("payara-" + starts + ".log"));
            case "wildfly" ->
                WildFly.start(
                        new WildFly.Setup(
                                Path.of(required(DeployedWar.WILDFLY_HOME)),
                                workDir,
                                Map.of(CONTEXT_ROOT.substring(1) + ".war", war),
                                port,
                                options),
                        CONTEXT_ROOT + "/",
                        timeout);
            default -> throw new IllegalStateException(server);
        };
    }

    /** Stops the server (its sessions end as at any shutdown); {@link #start()} brings it back. */
    void stop() throws Exception {
        AutoCloseable stopping = running;
        running = null;
        if (stopping != null) {
            stopping.close();
        }
    }

    /** The WAR's root page, {@code http://127.0.0.1:<port>/chat/}, the same across restarts. */
    URI page() {
        return page;
    }

    /** A WebSocket URI inside the WAR, such as {@code ws://127.0.0.1:<port>/chat/ws/lobby}. */
    URI webSocket(String path) {
        return URI.create(page.toString().replaceFirst("^http", "ws") + path);
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set (see samples/pom.xml)");
        }
        return value;
    }
}
