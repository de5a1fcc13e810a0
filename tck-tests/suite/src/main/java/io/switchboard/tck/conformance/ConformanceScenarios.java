package io.switchboard.tck.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.switchboard.tck.client.RawClient;
import io.switchboard.tck.client.TestClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Endpoint behaviours that must be the same with and without Switchboard. A harness runs these against the
 * endpoints of this package deployed plain and deployed with Switchboard; both runs must pass.
 */
public abstract class ConformanceScenarios {

    /** The WebSocket base URI of the deployment, ending in {@code /}, e.g. {@code ws://127.0.0.1:8080/app/}. */
    protected abstract URI base();

    /**
     * How many times {@code @PreDestroy} runs per connection: once, as the specifications say. (WildFly without
     * Switchboard runs it twice.)
     */
    protected int preDestroyCallsPerConnection() {
        return 1;
    }

    /**
     * What {@code @OnError} receives when a text message does not convert to the method's primitive type:
     * a {@code DecodeException}, as Jakarta WebSocket says. (WildFly without Switchboard passes the
     * {@code NumberFormatException}.)
     */
    protected String primitiveConversionError() {
        return "DecodeException";
    }

    /**
     * Whether an endpoint class that is also a normal-scoped bean is one instance shared by every connection.
     * No: Jakarta WebSocket creates an instance per peer, and so do Payara and Switchboard. (WildFly without
     * Switchboard shares the contextual instance.)
     */
    protected boolean normalScopedEndpointShared() {
        return false;
    }

    /** Asks the deployment's probe endpoint. */
    protected String probe(String command) {
        try (TestClient probe = TestClient.connect(uri("probe"))) {
            return probe.ask(command);
        }
    }

    protected URI uri(String path) {
        return base().resolve(path);
    }

    protected List<String> recorded() {
        String events = probe("events");
        return events.isEmpty() ? List.of() : List.of(events.split(","));
    }

    @BeforeEach
    void resetRecorder() {
        assertThat(probe("reset")).isEqualTo("ok");
    }

    @Test
    void textMessageGetsReturnValue() {
        try (TestClient client = TestClient.connect(uri("echo"))) {
            assertThat(client.ask("hi")).isEqualTo("echo:hi");
            assertThat(client.ask("again")).isEqualTo("echo:again");
        }
    }

    @Test
    void binaryMessageGetsReturnValue() {
        try (TestClient client = TestClient.connect(uri("echo"))) {
            assertThat(client.sendBinary(new byte[] {1, 2, 3}).nextBinary()).containsExactly(3, 2, 1);
        }
    }

    @Test
    void pongReachesPongHandler() {
        try (TestClient client = TestClient.connect(uri("echo"))) {
            client.sendPong("tick".getBytes(StandardCharsets.UTF_8));
            assertThat(client.nextText()).isEqualTo("pong:tick");
        }
    }

    @Test
    void clientPingIsAnswered() {
        try (TestClient client = TestClient.connect(uri("echo"))) {
            client.sendPing(new byte[] {7, 8});
            assertThat(client.nextPong()).containsExactly(7, 8);
        }
    }

    @Test
    void partialTextArrivesInParts() {
        try (TestClient client = TestClient.connect(uri("partial-text"))) {
            client.sendText("ab", false).sendText("cd", false).sendText("ef", true);
            String answer = client.nextText();
            assertThat(answer).endsWith(":abcdef");
            assertThat(Integer.parseInt(answer.substring(0, answer.indexOf(':'))))
                    .isBetween(2, 3);
        }
    }

    @Test
    void partialBinaryArrivesInParts() {
        try (TestClient client = TestClient.connect(uri("partial-binary"))) {
            client.sendBinary(new byte[10], false).sendBinary(new byte[5], true);
            assertThat(client.nextText()).isEqualTo("2:15");
        }
    }

    @Test
    void readerAndInputStreamReceiveWholeMessages() {
        try (TestClient client = TestClient.connect(uri("stream"))) {
            assertThat(client.ask("streamed text")).isEqualTo("reader:streamed text");
            assertThat(client.sendBinary(new byte[300]).nextText()).isEqualTo("stream:300");
        }
    }

    @Test
    void pathParametersConvertToStringAndPrimitives() {
        try (TestClient client = TestClient.connect(uri("path/ada/41/true"))) {
            assertThat(client.nextText()).isEqualTo("ada|42|false");
            assertThat(client.ask("5")).isEqualTo("51");
        }
    }

    @Test
    void unconvertibleTextReachesOnErrorAsDecodeException() {
        try (TestClient client = TestClient.connect(uri("path/ada/41/true"))) {
            client.nextText();
            assertThat(client.ask("not a number")).isEqualTo("error:" + primitiveConversionError());
            assertThat(client.ask("2")).isEqualTo("45");
        }
    }

    @Test
    void decodersAndEncodersApply() {
        try (TestClient client = TestClient.connect(uri("codec"))) {
            assertThat(client.ask("1,2")).isEqualTo("(2;3)");
        }
    }

    @Test
    void decodeFailureReachesOnError() {
        try (TestClient client = TestClient.connect(uri("codec"))) {
            assertThat(client.ask("1,x")).isEqualTo("error:DecodeException");
            assertThat(client.ask("5,5")).isEqualTo("(6;6)");
        }
    }

    @Test
    void exceptionFromOnMessageReachesOnErrorAndSessionLivesOn() {
        try (TestClient client = TestClient.connect(uri("error"))) {
            assertThat(client.ask("throw")).isEqualTo("error:IllegalStateException:boom");
            assertThat(client.ask("ok")).isEqualTo("fine:ok");
        }
    }

    @Test
    void endpointClosesWithItsOwnCodeAndReason() {
        try (TestClient client = TestClient.connect(uri("close"))) {
            client.sendText("close-me");
            assertThat(client.awaitClose()).isEqualTo(new TestClient.Closed(4001, "bye"));
        }
        await().untilAsserted(() -> assertThat(recorded()).contains("closed 4001 bye"));
        // Undertow runs the close the server started on an I/O thread, outside the deployment's context.
        assertThat(recorded()).contains("closed in hello application");
    }

    @Test
    void onCloseSeesTheClientsCodeAndReason() {
        TestClient client = TestClient.connect(uri("close"));
        client.close(4002, "client-bye");
        await().untilAsserted(() -> assertThat(recorded()).contains("closed 4002 client-bye"));
        assertThat(recorded()).contains("closed in hello application");
    }

    @Test
    void maxMessageSizeClosesWithTooBig() {
        try (TestClient client = TestClient.connect(uri("limited"))) {
            assertThat(client.ask("small")).isEqualTo("ok:5");
            assertThat(client.ask("é".repeat(8))).isEqualTo("ok:8");
            client.sendText("x".repeat(17));
            assertThat(client.awaitClose().code()).isEqualTo(1009);
        }
        assertThat(recorded()).containsExactly("limited 5", "limited 8");
    }

    @Test
    void subprotocolIsNegotiated() {
        try (TestClient client = TestClient.connect(uri("subprotocol"), "v1.chat", "v3.chat")) {
            assertThat(client.subprotocol()).isEqualTo("v1.chat");
            assertThat(client.nextText()).isEqualTo("negotiated:v1.chat");
        }
    }

    @Test
    void usersConfiguratorSetsPropertiesPerConnectionAndSeesItsOwnEndpointClass() {
        try (TestClient first = TestClient.connect(uri("configured"), Map.of("X-Client", "first"));
                TestClient second = TestClient.connect(uri("configured"), Map.of("X-Client", "second"))) {
            assertThat(first.nextText())
                    .isEqualTo("client:first|configured:ConfiguredEndpoint|config:ConfiguredEndpoint");
            assertThat(second.nextText())
                    .isEqualTo("client:second|configured:ConfiguredEndpoint|config:ConfiguredEndpoint");
        }
    }

    @Test
    void usersConfiguratorAddsResponseHeaders() throws Exception {
        try (RawClient raw = RawClient.handshake(uri("configured"), true)) {
            assertThat(raw.status()).isEqualTo(101);
            assertThat(raw.header("X-Conformance")).isEqualTo("yes");
        }
    }

    @Test
    void usersCheckOriginRefusesTheHandshake() throws Exception {
        try (RawClient raw = RawClient.handshake(uri("configured"), true, Map.of("Origin", "http://evil.invalid"))) {
            // Payara answers 403, WildFly (Undertow) 404: the container's own behaviour, kept.
            assertThat(raw.status()).isIn(403, 404);
        }
        try (RawClient raw = RawClient.handshake(uri("configured"), true, Map.of("Origin", "http://good.invalid"))) {
            assertThat(raw.status()).isEqualTo(101);
        }
    }

    @Test
    void usersConfiguratorCreatesTheInstances() {
        try (TestClient first = TestClient.connect(uri("shared"))) {
            String opens = first.nextText();
            try (TestClient second = TestClient.connect(uri("shared"))) {
                int count = Integer.parseInt(opens.substring("opens:".length()));
                assertThat(second.nextText()).isEqualTo("opens:" + (count + 1));
            }
        }
    }

    @Test
    void postConstructAndPreDestroyRunOncePerConnection() {
        for (int i = 0; i < 3; i++) {
            try (TestClient client = TestClient.connect(uri("lifecycle"))) {
                assertThat(client.ask("x")).isEqualTo("alive:x");
            }
        }
        await().untilAsserted(() -> {
            List<String> events = recorded();
            assertThat(events.stream().filter("constructed"::equals).count())
                    .as(events.toString())
                    .isEqualTo(3);
            assertThat(events.stream().filter("destroyed"::equals).count())
                    .as(events.toString())
                    .isEqualTo(3L * preDestroyCallsPerConnection());
        });
    }

    @Test
    void normalScopedEndpointStillGetsAnInstancePerConnection() {
        try (TestClient first = TestClient.connect(uri("scoped"));
                TestClient second = TestClient.connect(uri("scoped"))) {
            boolean shared = normalScopedEndpointShared();
            assertThat(first.ask("a")).isEqualTo("count:1");
            assertThat(second.ask("b")).isEqualTo(shared ? "count:2" : "count:1");
            assertThat(first.ask("c")).isEqualTo(shared ? "count:3" : "count:2");
        }
    }

    @Test
    void injectionAndUsersInterceptorsWork() {
        try (TestClient client = TestClient.connect(uri("injected"))) {
            assertThat(client.ask("ada")).isEqualTo("[logged]hello ada");
        }
    }

    @Test
    void endpointWithoutSessionParametersWorks() {
        try (TestClient client = TestClient.connect(uri("silent"))) {
            assertThat(client.ask("quiet")).isEqualTo("QUIET");
        }
    }

    @Test
    void unknownPathIsRefused() {
        assertThatThrownBy(() -> TestClient.connect(uri("no-such-endpoint")))
                .isInstanceOf(TestClient.HandshakeRefused.class);
    }
}
