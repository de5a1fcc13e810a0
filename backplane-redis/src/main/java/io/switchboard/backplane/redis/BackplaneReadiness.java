package io.switchboard.backplane.redis;

import io.switchboard.spi.Backplane;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * MicroProfile Health's readiness check {@code switchboard-backplane}: down while Redis is unreachable, so a load
 * balancer can prefer the nodes whose broadcasts reach the whole cluster. Up, with {@code backplane=off}, where the
 * deployment does not use the Redis backplane.
 */
@Readiness
@ApplicationScoped
public class BackplaneReadiness implements HealthCheck {

    @Inject
    RedisBackplane backplane;

    @Override
    public HealthCheckResponse call() {
        boolean inUse = "redis"
                .equals(ConfigProvider.getConfig()
                        .getOptionalValue("switchboard.backplane", String.class)
                        .map(String::trim)
                        .orElse(""));
        if (!inUse) {
            return HealthCheckResponse.named("switchboard-backplane")
                    .up()
                    .withData("backplane", "off")
                    .build();
        }
        Backplane running = backplane;
        return HealthCheckResponse.named("switchboard-backplane")
                .status(running.connected())
                .withData("backplane", "redis")
                .build();
    }
}
