package io.switchboard.bench.launch;

import io.switchboard.wildfly.WildFly;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts WildFly with the bench WAR (as {@code bench.war}, served at {@code /bench/}) through the project's one WildFly
 * launcher ({@link WildFly}: a fresh server base per start, loopback only, a Prometheus registry), on a free port
 * offset. Its console output goes to {@code wildfly.out} in the work directory.
 *
 * <p>{@link WildFly} gives the server's JVM a fixed {@code JAVA_OPTS} and passes its options to the server, not to the
 * JVM; the bench's heap and GC options reach the JVM through the bench's own unpacked copy of WildFly: its
 * {@code bin/standalone.conf}, which {@code standalone.sh} reads after {@code JAVA_OPTS} is set, gets a last line that
 * appends them (HotSpot takes the last {@code -Xmx}). The original is kept as {@code standalone.conf.orig} and the line
 * is written again on every start.
 */
public final class WildFlyLauncher {

    private static final String CONF = "standalone.conf";

    private WildFlyLauncher() {}

    /**
     * @param home       the unpacked WildFly distribution (the bench's own copy: its {@code standalone.conf} is changed)
     * @param war        the bench WAR
     * @param workDir    the server base and the console output go here
     * @param jvmOptions heap and GC options for the server's JVM
     * @param properties system properties for the server ({@code -Dkey=value}: MicroProfile Config reads them)
     * @param timeout    how long it may take until the WAR answers
     */
    public static ServerProcess start(
            Path home, Path war, Path workDir, List<String> jvmOptions, List<String> properties, Duration timeout)
            throws IOException, InterruptedException {
        writeJvmOptions(home, jvmOptions);
        Files.createDirectories(workDir);
        int offset = WildFly.freePortOffset();
        WildFly wildfly = WildFly.start(
                new WildFly.Setup(home, workDir, Map.of("bench.war", war), offset, properties),
                "/bench/index.html",
                timeout);
        Path base = workDir.resolve("base").toAbsolutePath();
        ProcessHandle jvm = ProcessHandle.current()
                .descendants()
                .filter(p -> p.info()
                        .commandLine()
                        .map(c -> c.contains("jboss.server.base.dir=" + base))
                        .orElse(false))
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst()
                .orElseThrow(() -> {
                    wildfly.close();
                    return new IllegalStateException("WildFly's JVM for " + base + " is not among this JVM's children");
                });
        URI ws = URI.create("ws://127.0.0.1:" + wildfly.baseUri().getPort() + "/bench/");
        return new ServerProcess("WildFly", jvm, ws, wildfly.log(), wildfly::close);
    }

    /** Appends the options to the copy's {@code JAVA_OPTS}, after whatever {@link WildFly} set. */
    private static void writeJvmOptions(Path home, List<String> jvmOptions) throws IOException {
        Path conf = home.resolve("bin").resolve(CONF);
        Path original = home.resolve("bin").resolve(CONF + ".orig");
        if (!Files.exists(original)) {
            Files.copy(conf, original, StandardCopyOption.COPY_ATTRIBUTES);
        }
        List<String> options = new ArrayList<>();
        for (String option : jvmOptions) {
            if (!option.matches("[-A-Za-z0-9_.:=+,/%*]+")) {
                throw new IllegalArgumentException("WildFly JVM option " + option + " would need shell quoting");
            }
            options.add(option);
        }
        String text = Files.readString(original, StandardCharsets.UTF_8)
                + "\n# Switchboard bench (WildFlyLauncher), rewritten on every start\n"
                + "JAVA_OPTS=\"$JAVA_OPTS " + String.join(" ", options) + "\"\n";
        Files.writeString(conf, text, StandardCharsets.UTF_8);
    }
}
