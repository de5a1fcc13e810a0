package io.switchboard.payara;

import io.switchboard.launch.ServerProcesses;
import io.switchboard.launch.StopOnExit;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a WAR on Payara Micro in its own JVM, locked down as every Payara Micro of this project is, and waits until
 * a page of it answers. The samples ({@code -Prun} and their integration tests) and the bench start Payara Micro
 * here; the TCK's Arquillian adapter starts it itself, from {@code arquillian.xml}, with the same flags and
 * {@link #PREBOOT} unpacked from this jar.
 *
 * <p>Off the network: {@code --nohazelcast --disablephonehome}, {@code -Dhazelcast.phone.home.enabled=false}, and
 * the preboot command file that binds the HTTP and HTTPS listeners to 127.0.0.1 (with only {@code --nocluster},
 * Payara Micro still starts Hazelcast, listens on all interfaces and phones home). Its root directory, temporary
 * files and preboot file stay in the work directory.
 *
 * <pre>{@code
 * try (PayaraMicro payara = PayaraMicro.start(new Setup(jar, war, workDir, PayaraMicro.freePort(), List.of()),
 *         "/", Duration.ofMinutes(3), workDir.resolve("payara.log"))) {
 *     HttpClient.newHttpClient().send(HttpRequest.newBuilder(payara.baseUri()).build(), ...);
 * }
 * }</pre>
 *
 * <p>The JDK alone, so that it runs anywhere the build runs.
 */
public final class PayaraMicro implements AutoCloseable {

    /** The preboot command file, a resource of this jar: binds the HTTP and HTTPS listeners to 127.0.0.1. */
    public static final String PREBOOT = "io/switchboard/payara/preboot.asadmin";

    /**
     * What to run, and where.
     *
     * @param payaraJar   the Payara Micro jar
     * @param war         the WAR
     * @param workDir     Payara's root directory, temporary files and preboot file go here
     * @param port        the HTTP port on 127.0.0.1
     * @param jvmOptions  options of Payara's JVM (heap, GC); may be empty
     * @param contextRoot where the WAR is deployed: {@code /}, or a path such as {@code /ticker}
     */
    public record Setup(Path payaraJar, Path war, Path workDir, int port, List<String> jvmOptions, String contextRoot) {
        public Setup {
            jvmOptions = List.copyOf(jvmOptions);
            if (!contextRoot.startsWith("/") || (contextRoot.length() > 1 && contextRoot.endsWith("/"))) {
                throw new IllegalArgumentException(
                        "A context root starts with / and does not end with one: " + contextRoot);
            }
        }

        /** The WAR at the context root {@code /}. */
        public Setup(Path payaraJar, Path war, Path workDir, int port, List<String> jvmOptions) {
            this(payaraJar, war, workDir, port, jvmOptions, "/");
        }
    }

    private final Process process;
    private final URI baseUri;
    private final StopOnExit stopOnExit;

    private PayaraMicro(Process process, URI baseUri) {
        this.process = process;
        this.baseUri = baseUri;
        this.stopOnExit = new StopOnExit("payara-micro", this::stop);
    }

    /**
     * Starts Payara Micro and waits until {@code readyPath} answers 200.
     *
     * @param setup     what to run
     * @param readyPath the page to wait for, resolved against {@link #baseUri()}: {@code /} or {@code /index.html}
     *                  from the server's root, {@code index.html} inside the context root
     * @param timeout   how long to wait for it before giving up (and stopping the server)
     * @param log       where Payara's output goes; {@code null} for this process's own output
     * @return the running server; close it to stop it
     * @throws IllegalStateException if a file is missing, the port is taken, Payara exits, or the page does not
     *                               answer in time
     */
    public static PayaraMicro start(Setup setup, String readyPath, Duration timeout, Path log)
            throws IOException, InterruptedException {
        for (Path file : List.of(setup.payaraJar(), setup.war())) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("Missing " + file.toAbsolutePath());
            }
        }
        ServerProcesses.requireFree(setup.port());
        // A root directory left by an earlier run still lists its application: Payara Micro would load that copy at
        // boot as well as the one deployed now, and the stale one's class loader fails its requests.
        ServerProcesses.deleteTree(setup.workDir().resolve("root"));
        Files.createDirectories(setup.workDir().resolve("tmp"));
        ProcessBuilder builder = new ProcessBuilder(command(setup)).redirectErrorStream(true);
        if (log == null) {
            builder.inheritIO();
        } else {
            Files.createDirectories(log.toAbsolutePath().getParent());
            builder.redirectOutput(log.toFile());
        }
        String root = setup.contextRoot().equals("/") ? "/" : setup.contextRoot() + "/";
        PayaraMicro server = new PayaraMicro(builder.start(), URI.create("http://127.0.0.1:" + setup.port() + root));
        try {
            ServerProcesses.awaitPage("Payara Micro", server.process, server.baseUri.resolve(readyPath), timeout, log);
            return server;
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    /** The Payara Micro command line for a setup; writes the preboot file into the work directory. */
    public static List<String> command(Setup setup) throws IOException {
        Path preboot = writePreboot(setup.workDir());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(setup.jvmOptions());
        command.add("-Dhazelcast.phone.home.enabled=false");
        command.add("-Djava.io.tmpdir=" + setup.workDir().resolve("tmp").toAbsolutePath());
        command.addAll(List.of(
                "-jar",
                setup.payaraJar().toAbsolutePath().toString(),
                "--nohazelcast",
                "--disablephonehome",
                "--prebootcommandfile",
                preboot.toAbsolutePath().toString(),
                "--rootdir",
                setup.workDir().resolve("root").toAbsolutePath().toString(),
                "--port",
                Integer.toString(setup.port()),
                "--contextroot",
                setup.contextRoot(),
                "--deploy",
                setup.war().toAbsolutePath().toString()));
        return command;
    }

    /** Copies {@link #PREBOOT} into the directory, as {@code preboot.asadmin}. */
    public static Path writePreboot(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve("preboot.asadmin");
        try (InputStream in = PayaraMicro.class.getClassLoader().getResourceAsStream(PREBOOT)) {
            if (in == null) {
                throw new IllegalStateException(PREBOOT + " is not on the class path of " + PayaraMicro.class);
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** A port on 127.0.0.1 that was free a moment ago. */
    public static int freePort() throws IOException {
        return ServerProcesses.freePort();
    }

    /** The WAR's base: {@code http://127.0.0.1:<port>/}, or {@code http://127.0.0.1:<port>/<context root>/}. */
    public URI baseUri() {
        return baseUri;
    }

    /** The Payara Micro process. */
    public Process process() {
        return process;
    }

    /** Stops Payara Micro: asks it to shut down, and kills it if it has not within 30 seconds. */
    @Override
    public void close() {
        stopOnExit.close();
    }

    private void stop() {
        stop(process);
    }

    /**
     * Stops a server's JVM (this launcher's, or another the caller started): asks it to shut down, and kills it if it
     * has not within 30 seconds.
     *
     * @param process the server's process
     */
    public static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
