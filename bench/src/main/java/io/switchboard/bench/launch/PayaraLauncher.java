package io.switchboard.bench.launch;

import io.switchboard.payara.PayaraMicro;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Starts Payara Micro with the bench WAR through the project's one Payara Micro launcher ({@link PayaraMicro}:
 * loopback only, no Hazelcast, no phone-home), as the chat sample does; its root directory, temporary files,
 * preboot file and log ({@code payara.log}) stay in the work directory.
 */
public final class PayaraLauncher {

    private PayaraLauncher() {}

    /**
     * @param payaraJar  the Payara Micro jar
     * @param war        the bench WAR, deployed at {@code /}
     * @param workDir    Payara's root directory, temporary files and log go here
     * @param jvmOptions heap and GC options for the server's JVM
     * @param timeout    how long it may take until the WAR answers
     */
    public static ServerProcess start(Path payaraJar, Path war, Path workDir, List<String> jvmOptions, Duration timeout)
            throws IOException, InterruptedException {
        int port = PayaraMicro.freePort();
        Path log = workDir.resolve("payara.log");
        PayaraMicro payara = PayaraMicro.start(
                new PayaraMicro.Setup(payaraJar, war, workDir, port, jvmOptions), "/index.html", timeout, log);
        return new ServerProcess("Payara Micro", payara.process(), URI.create("ws://127.0.0.1:" + port + "/"), log);
    }
}
