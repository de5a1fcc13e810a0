package io.switchboard.tck.appconfig;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.tck.client.TestClient;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * An application with its own {@code ServerApplicationConfig} that returns every scanned class keeps working
 * with Switchboard in the WAR (two registrations at one path broke every WebSocket of such a WAR on both
 * servers); Switchboard leaves its endpoints untracked and says so at deployment.
 */
public abstract class AppConfigScenarios {

    protected abstract URI base();

    @Test
    void endpointsOfTheApplicationsConfigWorkUntracked() {
        try (TestClient first = TestClient.connect(base().resolve("appconfig-echo"));
                TestClient second = TestClient.connect(base().resolve("appconfig-echo"))) {
            assertThat(first.ask("a")).isEqualTo("a|tracked:0");
            assertThat(second.ask("b")).isEqualTo("b|tracked:0");
        }
    }
}
