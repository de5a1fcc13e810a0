package io.switchboard.tck.reconnecting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.metrics.PrometheusText;
import io.switchboard.tck.security.SecurityConfig;
import io.switchboard.tck.security.tokens.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reconnecting client inside a server, injected by name ({@link Links}), connecting to the same server: it
 * connects at startup, runs its hook on each connection, reconnects after the far end restarts with every message
 * sent meanwhile delivered once and in order, reads a refused handshake's 401 from the container's own client (Tyrus
 * in Payara, Undertow in WildFly) and then waits for a new token, and counts its reconnects. Each scenario reads what
 * the deployment saw through {@link LinksProbe}; none depends on another having run.
 */
public abstract class ReconnectingClientScenarios {

    /** The WAR's name, and so its context root, which the clients' URLs name. */
    public static final String WAR = "client-loop";

    private static final Duration STARTUP = Duration.ofSeconds(60);

    /** The WebSocket base URI of the deployment, ending in {@code /}. */
    protected abstract URI base();

    /** The server's metrics, scraped where it publishes them. */
    protected abstract PrometheusText scrape() throws IOException;

    /**
     * The deployment's configuration: {@link SecurityConfig}'s keys for the guarded endpoint, and the two clients, both
     * pointed at this server through {@link OwnAddress}. {@code loop} backs off without jitter from 1 s, so that
     * after a restart it stays away long enough for the test's messages to be sent while it is disconnected;
     * {@code guarded}, refused, looks for a new token after 250 ms, then 1 s, 4 s and 16 s more (multiplier 4, no
     * jitter), so that its schedule alone cannot open it soon after the third look.
     */
    public static String config() {
        String self = "ws://127.0.0.1:${" + OwnAddress.PORT + "}/" + WAR;
        Map<String, String> clients = new LinkedHashMap<>();
        clients.put("switchboard.client.loop.url", self + "/echo");
        clients.put("switchboard.client.loop.backoff.initial", "1s");
        clients.put("switchboard.client.loop.backoff.max", "2s");
        clients.put("switchboard.client.loop.backoff.jitter", "none");
        clients.put("switchboard.client.guarded.url", self + "/guarded/echo");
        clients.put("switchboard.client.guarded.connect", "lazy");
        clients.put("switchboard.client.guarded.backoff.initial", "250ms");
        clients.put("switchboard.client.guarded.backoff.multiplier", "4");
        clients.put("switchboard.client.guarded.backoff.max", "60s");
        clients.put("switchboard.client.guarded.backoff.jitter", "none");
        return SecurityConfig.text(clients);
    }

    private String probe(String command) {
        String answer;
        try (TestClient probe = TestClient.connect(base().resolve("links-probe"))) {
            answer = probe.ask(command);
        }
        if (answer.startsWith("failed: ") || answer.startsWith("unknown: ")) {
            throw new AssertionError("The probe's " + command.split(" ")[0] + " " + answer);
        }
        return answer;
    }

    private List<String> lines(String command) {
        return probe(command).lines().toList();
    }

    private void awaitOpen(String client) {
        await().atMost(STARTUP).until(() -> probe("state " + client).equals("OPEN"));
    }

    @BeforeEach
    void theClientsReachThisDeployment() {
        URI expected = base().resolve("echo");
        URI loop = URI.create(probe("uri loop"));
        assertThat(loop.getPort() + loop.getPath())
                .as(
                        "the loop client connects to %s but this deployment is at %s: OwnAddress has the server's"
                                + " HTTP port wrong",
                        loop, expected)
                .isEqualTo(expected.getPort() + expected.getPath());
    }

    @Test
    void loopConnectsByItselfAtStartupAndRunsItsHookThenCarriesMessages() {
        await().atMost(STARTUP).until(() -> lines("messages loop").contains("echo:hello #1"));
        List<String> states = lines("states loop");
        assertThat(states).first().isEqualTo("IDLE>CONNECTING 0");
        int opened = states.indexOf("CONNECTING>OPEN 0");
        assertThat(opened).as("states of loop: %s", states).isPositive();
        // Before the WAR was deployed the server may have answered 404: the client backed off and tried again.
        assertThat(states.subList(0, opened))
                .as("states of loop: %s", states)
                .allMatch(state -> state.equals("IDLE>CONNECTING 0")
                        || state.startsWith("CONNECTING>BACKING_OFF ")
                        || state.equals("BACKING_OFF>CONNECTING 0"));

        probe("send loop ping");
        await().atMost(TestClient.TIMEOUT).until(() -> lines("messages loop").contains("echo:ping"));
    }

    @Test
    void afterTheFarEndRestartsWith1012MessagesSentMeanwhileArriveOnceInOrderAfterTheHook() {
        awaitOpen("loop");
        long connection = Long.parseLong(probe("connections loop"));
        int messagesBefore = lines("messages loop").size();
        int statesBefore = lines("states loop").size();

        assertThat(probe("restart 50")).isEqualTo("state=BACKING_OFF buffered=50");

        List<String> expected = new ArrayList<>();
        expected.add("echo:hello #" + (connection + 1));
        for (int i = 1; i <= 50; i++) {
            expected.add("echo:m" + i);
        }
        await().atMost(TestClient.TIMEOUT).until(() -> lines("messages loop").size() >= messagesBefore + 51);
        // Nothing more arrives for half a second (no duplicate); each look is one probe round trip, which a loaded
        // server may take a while to answer.
        await().during(Duration.ofMillis(500)).atMost(TestClient.TIMEOUT).untilAsserted(() -> {
            List<String> all = lines("messages loop");
            assertThat(all.subList(messagesBefore, all.size())).containsExactlyElementsOf(expected);
        });
        List<String> states = lines("states loop");
        assertThat(states.subList(statesBefore, states.size()))
                .containsExactly("OPEN>BACKING_OFF 1012", "BACKING_OFF>CONNECTING 0", "CONNECTING>OPEN 0");
    }

    @Test
    void aRefusedTokenIsNeverOfferedAgainAndTokenRenewedConnectsAtOnce() {
        assertThat(probe("state guarded")).isEqualTo("IDLE");
        probe("token forged " + TestTokens.forUser("feed", "chat").forged().sign());
        probe("connect guarded");

        // 401 from the container's own client: Tyrus (Payara) says it in a getter, Undertow (WildFly) in a message.
        await().atMost(TestClient.TIMEOUT)
                .until(() -> lines("states guarded").contains("CONNECTING>WAITING_FOR_TOKEN 401"));
        assertThat(lines("states guarded")).containsExactly("IDLE>CONNECTING 0", "CONNECTING>WAITING_FOR_TOKEN 401");
        probe("send guarded while-waiting");

        // One ask for the attempt, then looks 250 ms, 1.25 s and 5.25 s after the refusal: the same token each time.
        await().atMost(Duration.ofSeconds(15)).until(() -> Integer.parseInt(probe("asked")) >= 4);
        assertThat(probe("state guarded")).isEqualTo("WAITING_FOR_TOKEN");
        assertThat(lines("handshakes")).containsExactly("forged");

        // The next look is due 21.25 s after the refusal; only tokenRenewed() connects within 8 s of now.
        probe("token good " + TestTokens.forUser("feed", "chat").sign());
        probe("renewed guarded");
        await().atMost(Duration.ofSeconds(8)).until(() -> probe("state guarded").equals("OPEN"));

        assertThat(lines("handshakes")).containsExactly("forged", "good");
        assertThat(lines("states guarded"))
                .containsExactly(
                        "IDLE>CONNECTING 0",
                        "CONNECTING>WAITING_FOR_TOKEN 401",
                        "WAITING_FOR_TOKEN>CONNECTING 0",
                        "CONNECTING>OPEN 0");
        probe("send guarded hi");
        await().atMost(TestClient.TIMEOUT)
                .untilAsserted(() -> assertThat(lines("messages guarded"))
                        .containsExactly("guarded:hello #1", "guarded:while-waiting", "guarded:hi"));
    }

    @Test
    void reconnectsAreCountedByClient() {
        awaitOpen("loop");
        long connection = Long.parseLong(probe("connections loop"));
        assertThat(probe("restart 0")).startsWith("state=BACKING_OFF");
        await().atMost(TestClient.TIMEOUT).until(() -> Long.parseLong(probe("connections loop")) == connection + 1);

        // Every connection after the first is a reconnect.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            PrometheusText metrics = scrape();
            assertThat(metrics.value("switchboard_client_reconnects_total", Map.of("client", "loop")))
                    .as("client metrics: %s", metrics.startingWith("switchboard_client"))
                    .isEqualTo((double) connection);
        });
    }
}
