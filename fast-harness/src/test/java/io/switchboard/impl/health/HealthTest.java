package io.switchboard.impl.health;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.tck.health.HealthReport;
import io.switchboard.tck.health.HealthRoomEndpoint;
import io.switchboard.tck.health.HealthScenarios;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The health scenarios on Tyrus with Weld SE, where MicroProfile Health's API is there but no server reports the
 * checks: they are called through CDI, as a server would, and reported as a server does (503 when one is down).
 * Closing the fast server plays the part of an undeployment.
 */
class HealthTest extends HealthScenarios {

    private FastServer server;
    private volatile WeldContainer cdi;

    @BeforeEach
    void start() throws Exception {
        CONFIG.forEach(System::setProperty);
        server = FastServer.start(FastServer.Mode.SWITCHBOARD, HealthRoomEndpoint.class);
        cdi = server.cdi();
    }

    @AfterEach
    void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            CONFIG.keySet().forEach(System::clearProperty);
        }
    }

    @Test
    void upWithData() throws Exception {
        bothChecksAreUpWithTheirDataWhileSessionsAreOpen();
    }

    @Test
    void downWhileFull() throws Exception {
        readinessIsDownWhileAnEndpointIsFullAndUpAgainAfterAClose();
    }

    @Test
    void downWhileDraining() throws Exception {
        readinessIsDownWhileTheApplicationDrainsAtItsEnd();
    }

    @Override
    protected URI base() {
        return server.base();
    }

    @Override
    protected HealthReport readiness() {
        return report(cdi, Readiness.Literal.INSTANCE);
    }

    @Override
    protected HealthReport liveness() {
        return report(cdi, Liveness.Literal.INSTANCE);
    }

    @Override
    protected void stopApplication() {
        FastServer stopping = server;
        server = null;
        stopping.close();
    }

    /**
     * Calls every check of a kind, as a server's health endpoint does.
     *
     * @param cdi  the container
     * @param kind {@code @Readiness} or {@code @Liveness}
     * @return the report a server would give
     */
    static HealthReport report(WeldContainer cdi, Annotation kind) {
        List<HealthReport.Check> checks = new ArrayList<>();
        for (HealthCheck check : cdi.select(HealthCheck.class, kind)) {
            HealthCheckResponse response = check.call();
            checks.add(new HealthReport.Check(
                    response.getName(),
                    response.getStatus().name(),
                    response.getData().orElse(java.util.Map.of())));
        }
        boolean up = checks.stream().allMatch(HealthReport.Check::up);
        return new HealthReport(up ? 200 : 503, up ? "UP" : "DOWN", checks);
    }
}
