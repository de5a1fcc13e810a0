package io.switchboard.backplane.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.backplane.redis.nodes.RoomMemberEndpoint;
import io.switchboard.redis.RedisServer;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.security.tokens.TestTokens;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Redis and some nodes in their own JVMs that share it, each serving the test endpoints of
 * {@link RoomMemberEndpoint}'s package with the backplane on, quick timeouts and the test tokens trusted.
 */
final class TestCluster implements AutoCloseable {

    private final RedisServer redis;
    private final String prefix;
    private final Map<String, String> extra;
    private final List<NodeProcess> nodes = new ArrayList<>();

    private TestCluster(RedisServer redis, String prefix, Map<String, String> extra) {
        this.redis = redis;
        this.prefix = prefix;
        this.extra = extra;
    }

    /**
     * Starts Redis and the nodes; skips the test (or fails it, on CI) where {@code redis-server} is missing.
     *
     * @param prefix names the nodes' logs and prefixes their keys
     * @param nodes  how many nodes
     * @param extra  settings beyond {@link #properties}
     * @return the running cluster
     */
    static TestCluster start(String prefix, int nodes, Map<String, String> extra) throws Exception {
        RedisRequirement.check();
        TestCluster cluster = new TestCluster(RedisServer.start(Path.of("target")), prefix, extra);
        try {
            for (int i = 0; i < nodes; i++) {
                cluster.addNode(prefix + "-" + i);
            }
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    /**
     * Starts one more node.
     *
     * @param name names its log
     * @return the node, connected to Redis, which the cluster stops at its end unless the test has stopped or
     *     killed it
     */
    NodeProcess addNode(String name) throws Exception {
        Map<String, String> properties = properties(redis, prefix);
        properties.putAll(extra);
        NodeProcess node = NodeProcess.start(name, properties, RoomMemberEndpoint.class);
        nodes.add(node);
        node.awaitOutput("backplane is connected", Duration.ofSeconds(30));
        return node;
    }

    /** What every node runs with: the backplane on, quick timeouts, the test tokens trusted. */
    static Map<String, String> properties(RedisServer redis, String prefix) {
        Map<String, String> properties = new LinkedHashMap<>(TestTokens.config(1, "RS256"));
        properties.put("switchboard.backplane", "redis");
        properties.put("switchboard.backplane.redis.url", redis.uri().toString());
        properties.put("switchboard.backplane.redis.prefix", prefix);
        properties.put("switchboard.backplane.redis.node-timeout", "1500ms");
        // Long enough for a loaded two-core machine: a count that times out falls back to this node's alone.
        properties.put("switchboard.backplane.redis.timeout", "3s");
        properties.put("switchboard.backplane.redis.reconnect.max-delay", "500ms");
        properties.put("switchboard.backplane.principal-limits", "cluster");
        properties.put("switchboard.backplane.presence-events", "true");
        return properties;
    }

    RedisServer redis() {
        return redis;
    }

    /** A room on a node, {@code ws://127.0.0.1:<port>/room/<room>}. */
    URI room(int node, String room) {
        return nodes.get(node).base().resolve("room/" + room);
    }

    /** A node, in the order started. */
    NodeProcess node(int node) {
        return nodes.get(node);
    }

    /** A path on a node, {@code ws://127.0.0.1:<port>/<path>}. */
    URI at(int node, String path) {
        return nodes.get(node).base().resolve(path);
    }

    /** The signed-in users' endpoint of a node. */
    URI user(int node) {
        return nodes.get(node).base().resolve("user");
    }

    /**
     * Waits until a room has this many members over the cluster, asking through a probe that joins it for the
     * question (and so counts itself). Call only while nothing is broadcast to the room.
     */
    static void awaitMembers(URI roomUri, int members) {
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    try (TestClient probe = TestClient.connect(roomUri)) {
                        assertThat(probe.ask("!members")).startsWith("members " + (members + 1) + " ");
                    }
                });
    }

    @Override
    public void close() throws Exception {
        for (NodeProcess node : nodes) {
            node.close();
        }
        redis.close();
    }
}
