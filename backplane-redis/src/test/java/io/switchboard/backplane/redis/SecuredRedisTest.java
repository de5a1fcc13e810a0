package io.switchboard.backplane.redis;

import static io.switchboard.backplane.redis.TestCluster.awaitMembers;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.backplane.redis.nodes.RoomMemberEndpoint;
import io.switchboard.redis.RedisServer;
import io.switchboard.tck.client.TestClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Redis that takes only TLS ({@code rediss://}, a CA of its own) and an ACL user with a password: the nodes share
 * rooms through it; a node with a wrong password keeps serving its own sessions, and logs no password.
 */
class SecuredRedisTest {

    @Test
    void nodesShareRoomsOverTlsWithAUserAndPasswordAndAWrongPasswordNeverLeaks() throws Exception {
        RedisServer.Options secured = new RedisServer.Options("switchboard", "s3cret-pw", true);
        RedisRequirement.check(secured);
        try (RedisServer redis = RedisServer.start(Path.of("target"), secured)) {
            Map<String, String> properties = new LinkedHashMap<>(TestCluster.properties(redis, "secured"));
            properties.put(
                    "switchboard.backplane.redis.tls.ca-file",
                    redis.caCertificate().toString());
            Map<String, String> wrong = new LinkedHashMap<>(properties);
            wrong.put("switchboard.backplane.redis.url", redis.uri().toString().replace("s3cret-pw", "wrong-pw-123"));
            try (NodeProcess first = NodeProcess.start("secured-0", properties, RoomMemberEndpoint.class);
                    NodeProcess second = NodeProcess.start("secured-1", properties, RoomMemberEndpoint.class);
                    NodeProcess refused = NodeProcess.start("secured-wrong", wrong, RoomMemberEndpoint.class)) {
                first.awaitOutput("backplane is connected", Duration.ofSeconds(30));
                second.awaitOutput("backplane is connected", Duration.ofSeconds(30));
                URI here = first.base().resolve("room/tls");
                try (TestClient a = TestClient.connect(here);
                        TestClient b = TestClient.connect(second.base().resolve("room/tls"));
                        TestClient alone = TestClient.connect(refused.base().resolve("room/tls"))) {
                    awaitMembers(here, 2);

                    a.sendText("over tls");
                    assertThat(b.nextText()).isEqualTo("over tls");
                    assertThat(a.nextText()).isEqualTo("over tls");

                    alone.sendText("!report only here");
                    assertThat(alone.nextText()).isEqualTo("only here");
                    assertThat(alone.nextText()).isEqualTo("report published=false");
                    assertThat(b.nextTextWithin(Duration.ofMillis(500))).isNull();
                }
            }
            String log = Files.readString(Path.of("target", "nodes", "secured-wrong.log"));
            assertThat(log).contains("cannot reach rediss://***@127.0.0.1").doesNotContain("wrong-pw-123");
            assertThat(Files.readString(Path.of("target", "nodes", "secured-0.log")))
                    .doesNotContain("s3cret-pw");
        }
    }
}
