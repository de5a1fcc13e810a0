package io.switchboard.backplane.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.backplane.redis.nodes.RoomMemberEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A node whose backplane settings are wrong does not start, and says which key and value are wrong. */
class BadBackplaneSettingsTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "switchboard.backplane|hazelcast|switchboard.backplane=hazelcast but the deployment has [redis]",
                "switchboard.backplane.redis.url|http://user:pw-never-logged@127.0.0.1:1|must start with redis://",
                "switchboard.backplane.principal-limits|everywhere|must be node or cluster, not 'everywhere'",
                "switchboard.backplane.max-payload|lots|switchboard.backplane.max-payload",
                "switchboard.backplane.redis.node-timeout|0s|switchboard.backplane.redis.node-timeout"
            })
    void theNodeFailsToStartNamingTheKeyAndTheValue(String key, String value, String expected) throws Exception {
        Map<String, String> properties = new HashMap<>();
        properties.put("switchboard.backplane", "redis");
        properties.put("switchboard.backplane.redis.url", "redis://127.0.0.1:1");
        properties.put(key, value);
        String name = "bad-" + key.substring(key.lastIndexOf('.') + 1);

        assertThatThrownBy(() -> NodeProcess.start(name, properties, RoomMemberEndpoint.class))
                .hasMessageContaining("did not start");

        String log = Files.readString(Path.of("target", "nodes", name + ".log"));
        assertThat(log).contains(expected).doesNotContain("pw-never-logged");
    }
}
