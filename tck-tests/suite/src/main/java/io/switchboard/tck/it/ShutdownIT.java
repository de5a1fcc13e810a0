package io.switchboard.tck.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.tck.client.RawClient;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.shutdown.FeedEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
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
 * 1001 "Server shutting down"; upgrades attempted meanwhile are refused: with 503 by Switchboard's filter on
 * Payara Micro, with 404 by WildFly itself (see {@link #refusalDuringUndeployment()}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class ShutdownIT {

    private static final String NAME = "shutdown";

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
    void undeployFlushesQueuedMessagesThenClosesEverySessionWith1001(
            @ArquillianResource @OperateOnDeployment(NAME) URL url) throws Exception {
        URI feed = Deployments.webSocketBase(url).resolve("feed");
        // Before the undeployment the same upgrade succeeds: the refusal below is the undeployment's doing.
        assertThat(upgradeStatus(feed)).isEqualTo(101);
        try (RawClient reader = RawClient.upgradeWithReceiveBuffer(feed, 4096);
                TestClient idle = TestClient.connect(feed)) {
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
            assertThat(frames.get(1001)).isEqualTo("close 1001 Server shutting down");
            TestClient.Closed closed = idle.awaitClose();
            assertThat(closed.code()).isEqualTo(1001);
            assertThat(closed.reason()).isEqualTo("Server shutting down");
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
