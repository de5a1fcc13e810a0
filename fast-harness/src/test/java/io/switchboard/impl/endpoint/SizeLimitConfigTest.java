package io.switchboard.impl.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.limits.LimitedWholeEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Configuration overrides {@code @MaxMessageSize}: the endpoint's key wins. */
class SizeLimitConfigTest {

    @RegisterExtension
    static FastServerExtension server = new FastServerExtension(FastServer.Mode.SWITCHBOARD, LimitedWholeEndpoint.class)
            .withConfig("switchboard.LimitedWholeEndpoint.max-message-size.text", "10")
            .withConfig("switchboard.default.max-message-size.binary", "1MiB");

    @Test
    void endpointKeyBeatsTheAnnotation() {
        try (TestClient client = TestClient.connect(server.base().resolve("limited/whole"))) {
            assertThat(client.ask("a".repeat(10))).isEqualTo("ok:10");
            client.sendText("a".repeat(11));
            assertThat(client.awaitClose().code()).isEqualTo(1009);
        }
    }

    @Test
    void annotationBeatsTheDefaultKey() {
        try (TestClient client = TestClient.connect(server.base().resolve("limited/whole"))) {
            client.sendBinary(new byte[2049]);
            assertThat(client.awaitClose().code()).isEqualTo(1009);
        }
    }
}
