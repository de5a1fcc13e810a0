package io.switchboard.backplane.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.backplane.redis.nodes.RoomMemberEndpoint;
import io.switchboard.impl.testing.FastServer;
import io.switchboard.redis.RedisServer;
import jakarta.enterprise.inject.Instance;
import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Switchboard's readiness check against a real Redis that dies and comes back: down while the backplane cannot reach
 * it (with the data saying so), up again when it is back; with {@code switchboard.health.readiness.backplane=false}
 * it stays up and only reports the outage. The checks are called through CDI, as a server's health endpoint does.
 */
class BackplaneHealthTest {

    private final Map<String, String> properties = new HashMap<>();

    @AfterEach
    void clear() {
        properties.keySet().forEach(System::clearProperty);
    }

    @Test
    void readinessIsDownWhileRedisIsUnreachableAndUpWhenItIsBack() throws Exception {
        RedisRequirement.check();
        try (RedisServer redis = RedisServer.start(Path.of("target"));
                FastServer server = start(redis, "health-on", Map.of())) {
            awaitReadiness(server, true, true);
            HealthCheckResponse ready = check(server, Readiness.Literal.INSTANCE);
            assertThat(ready.getData().orElseThrow())
                    .containsEntry("backplane", "redis")
                    .containsKey("node")
                    .doesNotContainKey("down");

            redis.kill();
            awaitReadiness(server, false, false);
            assertThat(check(server, Readiness.Literal.INSTANCE).getData().orElseThrow())
                    .containsEntry("down", "the redis backplane is unreachable: broadcasts stay on this node");
            assertThat(check(server, Liveness.Literal.INSTANCE).getStatus())
                    .as("an outage of Redis is no reason to restart the node")
                    .isEqualTo(HealthCheckResponse.Status.UP);

            redis.restart();
            awaitReadiness(server, true, true);
        }
    }

    @Test
    void switchedOffTheOutageIsReportedButReadinessStaysUp() throws Exception {
        RedisRequirement.check();
        try (RedisServer redis = RedisServer.start(Path.of("target"));
                FastServer server =
                        start(redis, "health-off", Map.of("switchboard.health.readiness.backplane", "false"))) {
            awaitReadiness(server, true, true);
            redis.kill();
            awaitReadiness(server, true, false);
        }
    }

    private FastServer start(RedisServer redis, String prefix, Map<String, String> extra) throws Exception {
        properties.putAll(TestCluster.properties(redis, prefix));
        properties.putAll(extra);
        properties.forEach(System::setProperty);
        return FastServer.start(FastServer.Mode.SWITCHBOARD, RoomMemberEndpoint.class);
    }

    /** Waits until Switchboard's readiness check is up or down with the backplane connected or not. */
    private static void awaitReadiness(FastServer server, boolean up, boolean connected) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    HealthCheckResponse ready = check(server, Readiness.Literal.INSTANCE);
                    assertThat(ready.getStatus())
                            .as("%s", ready.getData())
                            .isEqualTo(up ? HealthCheckResponse.Status.UP : HealthCheckResponse.Status.DOWN);
                    assertThat(ready.getData().orElseThrow()).containsEntry("backplane-connected", connected);
                });
    }

    /**
     * Calls Switchboard's check of a kind through CDI. Only Switchboard's: the backplane's own
     * ({@code switchboard-backplane}) builds its response with MicroProfile Health's builder, which needs a server's
     * response provider.
     */
    private static HealthCheckResponse check(FastServer server, Annotation kind) {
        for (Instance.Handle<HealthCheck> handle :
                server.cdi().select(HealthCheck.class, kind).handles()) {
            if (handle.getBean().getBeanClass().getName().startsWith("io.switchboard.impl.health.")) {
                return handle.get().call();
            }
        }
        throw new AssertionError("no Switchboard check of kind " + kind);
    }
}
