package io.switchboard.samples.chat;

import static io.switchboard.samples.chat.ChatClient.Route.HEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.launch.DeployedWar;
import io.switchboard.redis.RedisServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The same chat WAR on two servers sharing rooms through one real Redis: two Payara Micro nodes in the Payara run,
 * a Payara Micro node and a WildFly node in the WildFly run. Each person signs in on the node they use (demo mode
 * signs with a key of each node's own), as a load balancer with sticky sessions would send them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChatClusterIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static RedisServer redis;
    private static DeployedWar first;
    private static DeployedWar second;
    private final List<ChatClient> clients = new ArrayList<>();

    @BeforeAll
    static void startCluster() throws Exception {
        java.util.Optional<String> missing = RedisServer.missingReason(RedisServer.Options.PLAIN);
        if (missing.isPresent()) {
            if (Boolean.getBoolean(RedisServer.REQUIRED)) {
                throw new IllegalStateException(missing.get() + ", but " + RedisServer.REQUIRED + " is true");
            }
            Assumptions.abort(missing.get());
        }
        redis = RedisServer.start(Path.of("target"));
        List<String> options = new ArrayList<>(DeployedWar.runOptions());
        options.add("-Dswitchboard.backplane=redis");
        options.add("-Dswitchboard.backplane.redis.url=" + redis.uri());
        options.add("-Dswitchboard.backplane.redis.prefix=chat-it");
        String run = System.getProperty(DeployedWar.SERVER);
        first = DeployedWar.startSeparately("payara", "cluster-payara", "/chat", "", options);
        second = DeployedWar.startSeparately(run, "cluster-" + run, "/chat", "", options);
        // A node serves before its backplane has connected; broadcasts meanwhile would stay on it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(readiness(first)).isEqualTo(200);
            assertThat(readiness(second)).isEqualTo(200);
        });
    }

    @AfterAll
    static void stopCluster() throws Exception {
        for (AutoCloseable each : new AutoCloseable[] {second, first, redis}) {
            if (each != null) {
                each.close();
            }
        }
    }

    @AfterEach
    void abortClients() {
        clients.forEach(ChatClient::abort);
    }

    @Test
    @Order(1)
    void peopleOnDifferentServersChatInOneRoom() throws Exception {
        ChatClient alice = join(first, "alice", "cluster");
        ChatClient bob = join(second, "bob", "cluster");
        assertThat(alice.next("joined").getString("user")).isEqualTo("bob");

        for (int i = 0; i < 20; i++) {
            alice.send(say("from alice " + i));
        }
        bob.send(say("from bob"));

        assertThat(texts(bob, 21))
                .containsSubsequence(sequence("from alice ", 20))
                .contains("from bob");
        assertThat(texts(alice, 21))
                .containsSubsequence(sequence("from alice ", 20))
                .contains("from bob");
        alice.assertQuiet();
        bob.assertQuiet();
    }

    @Test
    @Order(2)
    void whoListsTheMembersOnEveryServer() throws Exception {
        ChatClient carol = join(first, "carol", "census");
        ChatClient dave = join(second, "dave", "census");
        carol.next("joined");

        carol.send(Json.createObjectBuilder().add("type", "who").build());
        dave.send(Json.createObjectBuilder().add("type", "who").build());

        JsonObject expected = Json.createObjectBuilder()
                .add("type", "members")
                .add("room", "census")
                .add("users", Json.createArrayBuilder().add("carol").add("dave"))
                .build();
        assertThat(carol.next("members")).isEqualTo(expected);
        assertThat(dave.next("members")).isEqualTo(expected);
    }

    @Test
    @Order(3)
    void imagesCrossServersIntactAndNotBackToTheSender() throws Exception {
        ChatClient erin = join(first, "erin", "pictures");
        ChatClient frank = join(second, "frank", "pictures");
        erin.next("joined");
        byte[] image = new byte[200_000];
        new Random(3).nextBytes(image);

        frank.sendBinary(image);

        assertThat(erin.binaries.poll(ChatClient.WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                .isEqualTo(image);
        frank.assertQuiet();
    }

    @Test
    @Order(4)
    void eachServersReadinessFollowsRedisAndChatCrossesAgainAfterARestart() throws Exception {
        assertThat(readiness(first)).isEqualTo(200);
        assertThat(readiness(second)).isEqualTo(200);

        redis.kill();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(readiness(first)).isEqualTo(503);
            assertThat(readiness(second)).isEqualTo(503);
        });
        ChatClient gina = join(first, "gina", "after");
        ChatClient hal = join(second, "hal", "after");
        gina.send(say("while Redis is away"));
        assertThat(texts(gina, 1)).as("delivered on its own server").containsExactly("while Redis is away");
        for (DeployedWar node : List.of(first, second)) {
            assertThat(metric(node, "switchboard_backplane_outages_total", "")).isGreaterThanOrEqualTo(1);
            assertThat(metric(node, "switchboard_backplane_connected", "")).isZero();
        }
        assertThat(metric(first, "switchboard_backplane_dropped_total", "reason=\"outage\""))
                .isGreaterThanOrEqualTo(1);

        redis.restart();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(readiness(first)).isEqualTo(200);
            assertThat(readiness(second)).isEqualTo(200);
        });
        gina.send(say("back"));
        assertThat(texts(hal, 1))
                .as("what was said while Redis was away is lost, nothing else")
                .containsExactly("back");
        assertThat(metric(first, "switchboard_backplane_published_total", "")).isGreaterThanOrEqualTo(1);
        assertThat(metric(second, "switchboard_backplane_received_total", "")).isGreaterThanOrEqualTo(1);
    }

    /**
     * The sum of a metric's samples whose tags contain a fragment, from the node's Prometheus scrape (Payara's MP
     * Metrics, WildFly's Micrometer registry).
     */
    private static double metric(DeployedWar node, String name, String tags) throws Exception {
        String scrape = HTTP.send(HttpRequest.newBuilder(node.metrics()).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(tags))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /**
     * The status of MicroProfile Health's readiness endpoint: Payara Micro's on its HTTP port, WildFly's on its
     * management port (where the metrics are too).
     */
    private static int readiness(DeployedWar node) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(node.metrics().resolve("/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private ChatClient join(DeployedWar node, String user, String room) throws Exception {
        ChatClient client = ChatClient.connect(HTTP, node.webSocket("ws/" + room), token(node, user), HEADER);
        clients.add(client);
        client.next("history");
        assertThat(client.next("joined").getString("user")).isEqualTo(user);
        return client;
    }

    private static JsonObject say(String text) {
        return Json.createObjectBuilder().add("type", "say").add("text", text).build();
    }

    /** The texts of the next {@code count} {@code said} messages. */
    private static List<String> texts(ChatClient client, int count) throws InterruptedException {
        List<String> texts = new ArrayList<>();
        while (texts.size() < count) {
            JsonObject message = client.next();
            if (message.getString("type").equals("said")) {
                texts.add(message.getString("text"));
            }
        }
        return texts;
    }

    private static List<String> sequence(String prefix, int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(prefix + i);
        }
        return texts;
    }

    /** A demo token from the node the person uses. */
    private static String token(DeployedWar node, String user) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(node.page().resolve("api/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject().getString("token");
        }
    }
}
