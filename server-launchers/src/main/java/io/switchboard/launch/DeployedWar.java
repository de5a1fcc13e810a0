package io.switchboard.launch;

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
 * A sample's WAR running on the server its integration-test run names, shared by every test class of that run: the
 * first call starts it, the JVM's exit stops it (the launchers' shutdown hooks); a test that needs the WAR configured
 * otherwise starts one of its own ({@link #startSeparately}). Every sample's tests run twice, once
 * per server, with the same code; {@code samples/pom.xml} sets the system properties below for each run.
 *
 * <ul>
 *   <li>{@value #SERVER}: {@code payara} or {@code wildfly}
 *   <li>{@value #WAR}: the WAR; {@value #WORK_DIR}: where the server's files and logs go
 *   <li>{@value #PAYARA_JAR}, {@value #WILDFLY_HOME}: the servers
 *   <li>{@value #OPTIONS}: the server's system properties, separated by spaces (such as {@code -Dchat.demo=true})
 *   <li>{@value #TIMEOUT}: seconds to wait for the page, 180 by default
 * </ul>
 */
public final class DeployedWar implements AutoCloseable {

    /** System property: which server, {@code payara} or {@code wildfly}. */
    public static final String SERVER = "switchboard.sample.server";
    /** System property: the WAR. */
    public static final String WAR = "switchboard.sample.war";
    /** System property: the server's work directory. */
    public static final String WORK_DIR = "switchboard.sample.workdir";
    /** System property: the Payara Micro jar. */
    public static final String PAYARA_JAR = "switchboard.sample.payara.jar";
    /** System property: the unpacked WildFly. */
    public static final String WILDFLY_HOME = "switchboard.sample.wildfly.home";
    /** System property: the server's own system properties. */
    public static final String OPTIONS = "switchboard.sample.options";
    /** System property: seconds to wait for the page. */
    public static final String TIMEOUT = "switchboard.sample.startup.timeout";

    private static DeployedWar running;

    private final URI page;
    private final URI metrics;
    private final AutoCloseable process;

    private DeployedWar(URI page, URI metrics, AutoCloseable process) {
        this.page = page;
        this.metrics = metrics;
        this.process = process;
    }

    /**
     * The WAR at a context root on the run's server, started at the first call.
     *
     * @param contextRoot such as {@code /chat}; every call of a run must name the same
     * @param readyPage   a page inside the context root that answers 200 once the WAR is up, such as {@code index.html}
     * @return the running WAR
     * @throws IllegalStateException if a system property is missing, or the server does not start
     */
    public static synchronized DeployedWar at(String contextRoot, String readyPage)
            throws IOException, InterruptedException {
        if (running == null) {
            running = start(required(SERVER), Path.of(required(WORK_DIR)), contextRoot, readyPage, options());
        }
        return running;
    }

    /**
     * The WAR on a server of its own on the run's server kind, for a test that needs the WAR configured otherwise
     * than the shared one; the caller closes it.
     *
     * @param name        a work directory of its own, under the run's
     * @param contextRoot such as {@code /chat}
     * @param readyPage   a page inside the context root that answers 200 once the WAR is up
     * @param options     the server's system properties, instead of {@value #OPTIONS}
     * @return the running WAR; close it to stop its server
     */
    public static DeployedWar startSeparately(String name, String contextRoot, String readyPage, List<String> options)
            throws IOException, InterruptedException {
        return startSeparately(required(SERVER), name, contextRoot, readyPage, options);
    }

    /**
     * The WAR on a server of its own of a given kind, whatever the run's: a cluster of a Payara Micro node and a
     * WildFly node runs the same WAR on both. The caller closes it.
     *
     * @param server      {@code payara} or {@code wildfly}
     * @param name        a work directory of its own, under the run's
     * @param contextRoot such as {@code /chat}
     * @param readyPage   a page inside the context root that answers 200 once the WAR is up
     * @param options     the server's system properties, instead of {@value #OPTIONS}
     * @return the running WAR; close it to stop its server
     */
    public static DeployedWar startSeparately(
            String server, String name, String contextRoot, String readyPage, List<String> options)
            throws IOException, InterruptedException {
        return start(server, Path.of(required(WORK_DIR)).resolve(name), contextRoot, readyPage, options);
    }

    /** The sample's options for the run ({@value #OPTIONS}), for a test that adds to them. */
    public static List<String> runOptions() {
        return options();
    }

    private static List<String> options() {
        return Arrays.stream(System.getProperty(OPTIONS, "").split(" "))
                .filter(option -> !option.isBlank())
                .toList();
    }

    private static DeployedWar start(
            String server, Path workDir, String contextRoot, String readyPage, List<String> options)
            throws IOException, InterruptedException {
        Path war = Path.of(required(WAR));
        Duration timeout = Duration.ofSeconds(Long.getLong(TIMEOUT, 180));
        switch (server) {
            case "payara" -> {
                PayaraMicro payara = PayaraMicro.start(
                        new PayaraMicro.Setup(
                                Path.of(required(PAYARA_JAR)),
                                war,
                                workDir,
                                PayaraMicro.freePort(),
                                options,
                                contextRoot),
                        readyPage,
                        timeout,
                        workDir.resolve("payara.log"));
                return new DeployedWar(
                        payara.baseUri(), payara.baseUri().resolve("/metrics?scope=application"), payara);
            }
            case "wildfly" -> {
                WildFly wildfly = WildFly.start(
                        new WildFly.Setup(
                                Path.of(required(WILDFLY_HOME)),
                                workDir,
                                Map.of(contextRoot.substring(1) + ".war", war),
                                WildFly.freePortOffset(),
                                options),
                        contextRoot + "/" + readyPage,
                        timeout);
                return new DeployedWar(wildfly.baseUri().resolve(contextRoot + "/"), wildfly.metricsUri(), wildfly);
            }
            default -> throw new IllegalStateException(SERVER + " must be payara or wildfly, not " + server);
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set (see samples/pom.xml)");
        }
        return value;
    }

    /** The WAR's root page, such as {@code http://127.0.0.1:8080/chat/}. */
    public URI page() {
        return page;
    }

    /**
     * A WebSocket URI inside the WAR.
     *
     * @param path relative to the context root, such as {@code ws/lobby}
     * @return such as {@code ws://127.0.0.1:8080/chat/ws/lobby}
     */
    public URI webSocket(String path) {
        return URI.create(page.toString().replaceFirst("^http", "ws") + path);
    }

    /** Where the server's Prometheus text of the application's meters is scraped. */
    public URI metrics() {
        return metrics;
    }

    /** Stops the server: for {@link #startSeparately}; the shared one stops with the JVM. */
    @Override
    public void close() throws Exception {
        process.close();
    }
}
