package io.switchboard.tck.security.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.tck.client.RawClient;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.security.tokens.JwksServer;
import io.switchboard.tck.security.tokens.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An identity provider rotating its keys while the deployment runs: the deployment reads its keys from a JWKS URL
 * on a loopback server the test starts (its port chosen before the deployment is built, because the configuration
 * is fixed then), which counts how often it is asked.
 */
public abstract class KeyRotationScenarios {

    /** The deployment's {@code switchboard.security.keys.refetch-interval}. */
    protected static final Duration INTERVAL = Duration.ofSeconds(1);
    /** The port the key set is served on, fixed before any deployment is built. */
    protected static final int JWKS_PORT = JwksServer.freePort();

    private static JwksServer keys;

    /** The WebSocket base URI of the deployment, ending in {@code /}. */
    protected abstract URI base();

    /**
     * The configuration a deployment of these scenarios runs with.
     *
     * @return the MicroProfile Config properties
     */
    public static Map<String, String> config() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.jwt.verify.publickey.location", JwksServer.location(JWKS_PORT));
        config.put("mp.jwt.verify.publickey.algorithm", "RS256");
        config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
        config.put("mp.jwt.verify.audiences", TestTokens.AUDIENCE);
        config.put("switchboard.security.keys.refetch-interval", INTERVAL.toMillis() + "ms");
        return config;
    }

    /**
     * The same as a {@code microprofile-config.properties} text.
     *
     * @return the text
     */
    public static String configText() {
        StringBuilder text = new StringBuilder();
        config().forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }

    @BeforeAll
    static void startIdentityProvider() {
        keys = JwksServer.start(JWKS_PORT);
    }

    @AfterAll
    static void stopIdentityProvider() {
        keys.close();
    }

    /** The first key set again, cached by the deployment: whatever a test before rotated to is forgotten. */
    @BeforeEach
    void publishTheFirstKeys() throws InterruptedException {
        keys.publish(TestTokens.jwks());
        Thread.sleep(INTERVAL.toMillis());
        assertThat(chat(TestTokens.forUser("alice", "chat"))).isEqualTo(101);
    }

    private int chat(TestTokens.Builder token) {
        return chat(token.sign());
    }

    private int chat(String token) {
        try (RawClient client =
                RawClient.handshake(base().resolve("rotation/chat"), List.of("Authorization: Bearer " + token))) {
            return client.status();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRotatedKeyIsAcceptedWithoutWaitingForTheCacheToExpire() throws InterruptedException {
        int before = keys.fetches();
        assertThat(chat(TestTokens.forUser("alice", "chat"))).isEqualTo(101);
        assertThat(keys.fetches()).as("a known kid is served from the cache").isEqualTo(before);

        keys.publish(TestTokens.rotatedJwks());
        Thread.sleep(INTERVAL.toMillis());
        try (TestClient bob = TestClient.connect(
                base().resolve("rotation/chat"),
                Map.of(
                        "Authorization",
                        "Bearer " + TestTokens.forUser("bob", "chat").rotated().sign()))) {
            assertThat(bob.ask("hi")).isEqualTo("bob:hi");
        }
        assertThat(keys.fetches()).isEqualTo(before + 1);
        assertThat(chat(TestTokens.forUser("bob", "chat").rotated())).isEqualTo(101);
        assertThat(keys.fetches()).isEqualTo(before + 1);
    }

    @Test
    void madeUpKidsCostTheIdentityProviderOneFetchPerInterval() throws InterruptedException {
        Thread.sleep(INTERVAL.toMillis());
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            made.add(TestTokens.forUser("mallory", "chat")
                    .kid(UUID.randomUUID().toString())
                    .sign());
        }
        int before = keys.fetches();
        long started = System.nanoTime();
        for (String token : made) {
            assertThat(chat(token)).isEqualTo(401);
        }
        long intervals = 1 + (System.nanoTime() - started) / INTERVAL.toNanos();
        assertThat(keys.fetches() - before)
                .as("fetches for 40 made-up kids in %d interval(s)", intervals)
                .isBetween(1, (int) intervals);
        int now = keys.fetches();
        assertThat(chat(TestTokens.forUser("alice", "chat"))).isEqualTo(101);
        assertThat(keys.fetches()).isEqualTo(now);
    }
}
