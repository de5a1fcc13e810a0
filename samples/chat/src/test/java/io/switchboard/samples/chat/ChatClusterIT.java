package io.switchboard.samples.chat;

import static io.switchboard.samples.chat.ChatClient.Route.HEADER;
import static io.switchboard.samples.chat.ChatPage.await;
import static io.switchboard.samples.chat.ChatPage.count;
import static io.switchboard.samples.chat.ChatPage.members;
import static io.switchboard.samples.chat.ChatPage.messages;
import static io.switchboard.samples.chat.ChatPage.saidShown;
import static io.switchboard.samples.chat.ChatPage.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.browser.ChromiumExtension;
import io.switchboard.browser.HeadlessChromium;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The same chat WAR on two servers sharing rooms through one real Redis: two Payara Micro nodes in the Payara run,
 * a Payara Micro node and a WildFly node in the WildFly run. Each person signs in on the node they use (demo mode
 * signs with a key of each node's own), as a load balancer with sticky sessions would send them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(ChromiumExtension.class)
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
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
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

    /**
     * Bob's page reaches node 1 only through a proxy (the page, its tokens, its WebSocket), as through a load
     * balancer; alice is on node 2. Node 1 goes away for bob (the proxy drops and refuses him), alice talks on, and
     * the balancer sends bob to node 2 from then on: his page comes back by itself with a token from node 2 (each
     * node signs its own, and the page asks its origin for one before every attempt) and the id of the last message
     * it has, and node 2 replays what he missed from the room's history in Redis, once each and in order, without a
     * second history.
     */
    @Test
    @Order(4)
    void aPageWhoseNodeGoesAwayResumesOnTheOtherShowingWhatItMissedOnceAndInOrder(HeadlessChromium browser)
            throws Exception {
        WebDriver driver = browser.driver();
        String room = "failover-" + UUID.randomUUID().toString().substring(0, 8);
        try (LoopbackProxy balancer = LoopbackProxy.to(first.page().getPort())) {
            ChatPage.open(driver, balancer.through(first.page()));
            ChatPage.join(driver, "bob", room);
            ChatClient alice = ChatClient.connect(HTTP, second.webSocket("ws/" + room), token(second, "alice"), HEADER);
            clients.add(alice);
            alice.next("history");
            await(driver, page -> members(page).containsAll(List.of("alice", "bob")));
            List<String> before = sequence("before the failover ", 3);
            for (String text : before) {
                says(alice, text);
            }
            await(driver, page -> saidShown(page).equals(before));

            balancer.cut();
            await(driver, page -> "reconnecting".equals(state(page)) && count(page, "attempt") >= 2);
            List<String> missed = sequence("said while bob's node was away ", 12);
            for (String text : missed) {
                says(alice, text);
            }
            assertThat(balancer.refused())
                    .as("attempts refused while node 1 was away")
                    .isPositive();
            assertThat(saidShown(driver)).isEqualTo(before);
            balancer.retarget(second.page().getPort());
            balancer.restore();

            // Backoff with full jitter: the next attempt comes within the current step's ceiling.
            await(driver, Duration.ofSeconds(60), page -> saidShown(page).size() >= before.size() + missed.size());
            await(driver, page -> "connected".equals(state(page)));
            says(alice, "said after bob moved");
            await(driver, page -> saidShown(page).contains("said after bob moved"));

            List<String> everything = new ArrayList<>(before);
            everything.addAll(missed);
            everything.add("said after bob moved");
            assertThat(saidShown(driver)).isEqualTo(everything);
            assertThat(saidIds(driver))
                    .as("one id per message")
                    .doesNotHaveDuplicates()
                    .hasSize(everything.size());
            assertThat(count(driver, "connections")).isEqualTo(2);
            assertThat(count(driver, "histories")).as("no second history").isEqualTo(1);
            assertThat(count(driver, "resumed")).isEqualTo(1);
            assertThat(messages(driver)).contains("Back in " + room + ", nothing missed.");
            await(driver, page -> members(page).containsAll(List.of("alice", "bob")));
            browser.saveScreenshot("chat-failover");
            // Node 2 refuses node 1's tokens: the page came back on node 2 with a token it fetched from node 2.
            assertThat(ChatClient.handshakeStatus(HTTP, second.webSocket("ws/" + room), token(first, "bob"), HEADER))
                    .isEqualTo(401);
        }
    }

    @Test
    @Order(5)
    void eachServersReadinessFollowsRedisAndChatCrossesAgainAfterARestart() throws Exception {
        assertThat(readiness(first)).isEqualTo(200);
        assertThat(readiness(second)).isEqualTo(200);

        redis.kill();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
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
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
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

    /** Alice, on the Java client, says a line and waits for the room to have it (her own copy). */
    private static void says(ChatClient alice, String text) throws Exception {
        alice.send(say(text));
        while (true) {
            JsonObject message = alice.next();
            if (message.getString("type").equals("said")
                    && message.getString("text").equals(text)) {
                return;
            }
        }
    }

    /** The {@code data-id} of each {@code said} message the page shows, top to bottom. */
    @SuppressWarnings("unchecked")
    private static List<String> saidIds(WebDriver page) {
        return List.copyOf((List<String>) ((JavascriptExecutor) page)
                .executeScript("return [...document.querySelectorAll('#messages li.said')].map(i => i.dataset.id);"));
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
