package io.switchboard.samples.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.switchboard.launch.DeployedWar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The relay WAR with a bad client setting ({@code switchboard.client.ticker.backoff.max=-1s}) does not deploy, and
 * the server says why, naming the key and the value. WildFly marks the deployment failed (the launcher's error quotes
 * its reason); Payara Micro logs the failure and goes on running without the application, so the test reads its log
 * once it has booted.
 */
class BadClientSettingFailsDeploymentIT {

    private static final String KEY = "switchboard.client.ticker.backoff.max";
    private static final String VALUE = "-1s";
    private static final Duration BOOT = Duration.ofSeconds(Long.getLong(DeployedWar.TIMEOUT, 180));

    @Test
    void theDeploymentFailsNamingTheKeyAndTheValue() throws Exception {
        List<String> options = new ArrayList<>(DeployedWar.runOptions());
        options.add("-Dswitchboard.client.ticker.url=ws://127.0.0.1:9/nowhere");
        options.add("-D" + KEY + "=" + VALUE);

        String why = switch (System.getProperty(DeployedWar.SERVER)) {
            case "wildfly" -> wildFlysReason(options);
            case "payara" -> payaraMicrosLog(options);
            default -> throw new IllegalStateException(DeployedWar.SERVER + " must be payara or wildfly");
        };

        assertThat(why).contains(KEY).contains("'" + VALUE + "'");
    }

    /** WildFly's deployment scanner writes {@code relay.war.failed}; the launcher throws with its content. */
    private static String wildFlysReason(List<String> options) throws Exception {
        try (DeployedWar deployed =
                DeployedWar.startSeparately("bad-setting", RunningRelay.CONTEXT_ROOT, "index.html", options)) {
            return fail("the relay deployed with " + KEY + "=" + VALUE + " at " + deployed.page());
        } catch (IllegalStateException failed) {
            assertThat(failed.getMessage()).contains("failed to deploy relay.war");
            return failed.getMessage();
        }
    }

    /**
     * Payara Micro boots without the application that failed ("ready in ...") and its page never answers; the start is
     * abandoned once the log says the boot is over, which stops the server.
     */
    private static String payaraMicrosLog(List<String> options) throws Exception {
        Path log = Path.of(System.getProperty(DeployedWar.WORK_DIR), "bad-setting", "payara.log");
        Files.deleteIfExists(log);
        ExecutorService starter = Executors.newSingleThreadExecutor();
        try {
            Future<DeployedWar> start = starter.submit(
                    () -> DeployedWar.startSeparately("bad-setting", RunningRelay.CONTEXT_ROOT, "index.html", options));
            long deadline = System.nanoTime() + BOOT.toNanos();
            while (!booted(log) && !start.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            if (start.isDone()) {
                try (DeployedWar deployed = start.get()) {
                    return fail("the relay deployed with " + KEY + "=" + VALUE + " at " + deployed.page());
                } catch (ExecutionException notStarted) {
                    return notStarted.getCause().getMessage() + read(log);
                }
            }
            start.cancel(true);
            String text = read(log);
            assertThat(text).as("Payara Micro's log").contains("Exception while loading the app");
            return text;
        } finally {
            starter.shutdown();
            starter.awaitTermination(60, TimeUnit.SECONDS);
        }
    }

    private static boolean booted(Path log) throws Exception {
        return Files.exists(log) && read(log).matches("(?s).*Payara Micro .* ready in .*");
    }

    private static String read(Path log) throws Exception {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    }
}
