package io.switchboard.tck.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.health.HealthReport;
import io.switchboard.tck.health.HealthRoomEndpoint;
import io.switchboard.tck.health.HealthScenarios;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The health scenarios on a real server, read from the server's own MicroProfile Health endpoint: Payara Micro's on
 * its HTTP listener ({@code /health/ready}, {@code /health/live} beside the application), WildFly's on its
 * management interface ({@code http://127.0.0.1:9990/health/ready}). Each test deploys its own application (one
 * ends with its undeployment; on Payara Micro each deployment is a server process of its own).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class HealthIT extends HealthScenarios {

    private static final String APP = "vitals";
    private static final String OFF = "vitals-off";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    Deployer deployer;

    private URL url;
    private String deployed;
    /** The body of the last report, printed as evidence of each server's format. */
    private volatile String lastBody;

    @Deployment(name = APP, managed = false, testable = false)
    public static WebArchive deployment() {
        return Deployments.withConfig(Deployments.of(APP, HealthRoomEndpoint.class), properties());
    }

    @Deployment(name = OFF, managed = false, testable = false)
    public static WebArchive switchedOff() {
        return Deployments.withConfig(
                Deployments.of(OFF, HealthRoomEndpoint.class), properties() + "switchboard.health.enabled=false\n");
    }

    /** Each test deploys its application; Arquillian gives its URL to the test method, after this. */
    @BeforeEach
    void deploy(TestInfo test) {
        deployed = test.getTestMethod().orElseThrow().getName().equals("switchedOffThereIsNoCheck") ? OFF : APP;
        deployer.deploy(deployed);
    }

    @AfterEach
    void undeploy() {
        if (deployed != null) {
            deployer.undeploy(deployed);
        }
    }

    @Test
    void upWithData(@ArquillianResource @OperateOnDeployment(APP) URL url) throws Exception {
        this.url = url;
        bothChecksAreUpWithTheirDataWhileSessionsAreOpen();
        System.out.println("The last health report " + Server.running() + " answered: " + lastBody);
    }

    @Test
    void downWhileFull(@ArquillianResource @OperateOnDeployment(APP) URL url) throws Exception {
        this.url = url;
        readinessIsDownWhileAnEndpointIsFullAndUpAgainAfterAClose();
    }

    @Test
    void downWhileDraining(@ArquillianResource @OperateOnDeployment(APP) URL url) throws Exception {
        this.url = url;
        readinessIsDownWhileTheApplicationDrainsAtItsEnd();
    }

    /** {@code switchboard.health.enabled=false}: the application runs, and the server lists no check of it. */
    @Test
    void switchedOffThereIsNoCheck(@ArquillianResource @OperateOnDeployment(OFF) URL url) throws Exception {
        this.url = url;
        try (TestClient client = TestClient.connect(base().resolve("health-room/off"))) {
            assertThat(client.ask("hi")).isEqualTo("hi");
            assertThat(readiness().check(NAME)).isEmpty();
            assertThat(liveness().check(NAME)).isEmpty();
        }
    }

    /**
     * Payara Micro keeps answering on its health endpoint while the application drains, with the application's
     * checks: readiness shows it down and draining. WildFly's readiness endpoint answers nothing while an undeployment
     * runs (its own {@code deployments-status} check waits for the deployment's services to settle, so the whole
     * request waits) and, once it answers, the application's checks are gone; WildFly stops routing to the
     * application first, and readiness is its own business there.
     */
    @Override
    protected void drainObserved(List<String> readiness, List<String> liveness) {
        switch (Server.running()) {
            case PAYARA_MICRO -> super.drainObserved(readiness, liveness);
            case WILDFLY -> {
                assertThat(readiness.get(0)).contains("switchboard=UP draining=false");
                assertThat(readiness).anyMatch(observation -> observation.contains("HttpTimeoutException"));
                assertThat(readiness.subList(1, readiness.size()))
                        .as("readiness after the undeployment began")
                        .noneMatch(observation -> observation.contains("switchboard="));
            }
        }
    }

    @Override
    protected URI base() {
        return Deployments.webSocketBase(url);
    }

    @Override
    protected HealthReport readiness() throws IOException {
        return scrape("/ready");
    }

    @Override
    protected HealthReport liveness() throws IOException {
        return scrape("/live");
    }

    @Override
    protected void stopApplication() {
        String stopping = deployed;
        deployed = null;
        deployer.undeploy(stopping);
    }

    /** The server's health endpoint: beside the application on Payara Micro, on the management port on WildFly. */
    private URI health(String kind) {
        return switch (Server.running()) {
            case PAYARA_MICRO -> URI.create(url.getProtocol() + "://" + url.getAuthority() + "/health" + kind);
            case WILDFLY -> URI.create("http://127.0.0.1:9990/health" + kind);
        };
    }

    private HealthReport scrape(String kind) throws IOException {
        URI target = health(kind);
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(target)
                            // Short: it answers in milliseconds, and a request that hangs is an observation too.
                            .timeout(Duration.ofSeconds(3))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            lastBody = response.body();
            return HealthReport.parse(response.statusCode(), response.body());
        } catch (IllegalArgumentException e) {
            throw new IOException(target + " did not answer a health report", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
