package io.switchboard.tck.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.RestartAdvice;
import io.switchboard.tck.client.RawClient;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.shutdown.FeedEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Undeploying an application with open sessions: what was queued goes out, then every session is closed with
 * 1012 (Service Restart) and a reason that tells it when to come back, the delays of a thousand sessions spread
 * evenly over the reconnect window (10 s by default); upgrades attempted meanwhile are refused: with 503 by
 * Switchboard's filter on Payara Micro, with 404 by WildFly itself (see {@link #refusalDuringUndeployment()}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ShutdownIT {

    private static final String NAME = "shutdown";

    /** The sessions beside the reader and the idle one whose reconnect delays are counted. */
    private static final int CROWD = 1_000;

    /** The close reason of a session told to come back within the default 10 s window. */
    private static final String RESTART = "Service restart; reconnect in [0-9]{1,4} ms";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = NAME, managed = false, testable = false)
    public static WebArchive deployment() {
        // A generous drain time: the reader must take 16 MB, on a machine that may be busy.
        return Deployments.withConfig(
                Deployments.of(NAME, FeedEndpoint.class), "switchboard.shutdown.drain-timeout=10s\n");
    }

    /**
     * The test undeploys, so it deploys too. Arquillian resolves the test's {@code URL} parameter after this
     * method, once the deployment exists; the {@code Deployer} works only on the test's thread.
     */
    @BeforeEach
    void deploy() {
        deployer.deploy(NAME);
    }

    @Test
    void undeployFlushesQueuedMessagesThenClosesEverySessionWith1012AndItsOwnMomentToComeBack(
            @ArquillianResource @OperateOnDeployment(NAME) URL url) throws Exception {
        URI feed = Deployments.webSocketBase(url).resolve("feed");
        // Before the undeployment the same upgrade succeeds: the refusal below is the undeployment's doing.
        assertThat(upgradeStatus(feed)).isEqualTo(101);
        List<TestClient> crowd = new ArrayList<>();
        try (RawClient reader = RawClient.upgradeWithReceiveBuffer(feed, 4096);
                TestClient idle = TestClient.connect(feed)) {
            for (int n = 0; n < CROWD; n++) {
                crowd.add(TestClient.connect(feed));
            }
            reader.sendText("feed:1000:16384");
            Thread.sleep(1000); // the feed is queued; the reader has read nothing yet
            // Arquillian's deployer works on the test's thread only: the reading and the upgrade attempt go
            // elsewhere, starting once the undeployment (and so Switchboard's drain) is under way.
            CompletableFuture<Integer> upgradeWhileStopping = CompletableFuture.supplyAsync(() -> {
                pause(300);
                return upgradeStatus(feed);
            });
            CompletableFuture<List<String>> received = CompletableFuture.supplyAsync(() -> {
                pause(600);
                return readAll(reader);
            });
            deployer.undeploy(NAME);
            List<String> frames = received.get(60, TimeUnit.SECONDS);
            assertThat(frames).hasSize(1002);
            for (int n = 0; n < 1000; n++) {
                assertThat(frames.get(n)).startsWith(n + "|");
            }
            assertThat(frames.get(1000)).isEqualTo("queued");
            assertThat(frames.get(1001)).matches("close 1012 " + RESTART);
            TestClient.Closed closed = idle.awaitClose();
            assertThat(closed.code()).isEqualTo(1012);
            assertThat(closed.reason()).matches(RESTART);
            // Each session has a slot of its own in the window: every second of it holds a tenth of the crowd.
            int[] perSecond = new int[10];
            for (TestClient member : crowd) {
                TestClient.Closed ending = member.awaitClose();
                assertThat(ending.code()).isEqualTo(1012);
                long millis = RestartAdvice.delay(ending.code(), ending.reason())
                        .orElseThrow(() -> new AssertionError("no delay in " + ending.reason()))
                        .toMillis();
                perSecond[(int) (millis / 1_000)]++;
            }
            assertThat(Arrays.stream(perSecond).boxed().toList())
                    .as("sessions told to come back in each second of the 10 s window")
                    .allSatisfy(n -> assertThat(n).isBetween(CROWD / 10 - 15, CROWD / 10 + 15));
            assertThat(upgradeWhileStopping.get(60, TimeUnit.SECONDS))
                    .as("HTTP status of an upgrade during the undeployment on %s", Server.running())
                    .isEqualTo(refusalDuringUndeployment());
        }
    }

    /**
     * Payara Micro keeps routing to the application while it drains, so Switchboard's handshake filter answers 503.
     * WildFly (Undertow) stops routing to an application before its filters end, and answers 404 itself.
     */
    private static int refusalDuringUndeployment() {
        return switch (Server.running()) {
            case PAYARA_MICRO -> 503;
            case WILDFLY -> 404;
        };
    }

    /** Every data frame's text, then {@code close <code> <reason>}; stops at the close or when reading fails. */
    private static List<String> readAll(RawClient client) {
        List<String> frames = new ArrayList<>();
        try {
            while (true) {
                RawClient.Frame frame = client.readFrame(20_000);
                if (frame.opcode() == 8) {
                    frames.add("close " + frame.closeCode() + " " + frame.closeReason());
                    return frames;
                }
                if (frame.opcode() != 9) {
                    frames.add(frame.text().length() > 20 ? frame.text().substring(0, 20) : frame.text());
                }
            }
        } catch (IOException e) {
            frames.add("failed: " + e);
            return frames;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int upgradeStatus(URI uri) {
        try (RawClient attempt = RawClient.handshake(uri, true, Map.of())) {
            return attempt.status();
        } catch (IOException e) {
            return -1;
        }
    }
}
