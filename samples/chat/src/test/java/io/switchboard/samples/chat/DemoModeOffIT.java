package io.switchboard.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.payara.PayaraMicro;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same WAR started without {@code chat.demo}: there is no token endpoint and no demo key, and the endpoint still
 * refuses handshakes without a token it can verify.
 */
class DemoModeOffIT {

    private static final Duration STARTUP = Duration.ofSeconds(Long.getLong("chat.startup.timeout", 180));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static PayaraMicro server;

    @BeforeAll
    static void startServer() throws Exception {
        server = ChatServers.start("demo-off", false, STARTUP);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theTokenEndpointAnswers404() throws Exception {
        URI endpoint = server.baseUri().resolve("/chat/api/token");
        HttpResponse<String> post = HTTP.send(
                HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("user=alice"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(404);
        assertThat(post.body()).doesNotContain("token\"");
        HttpResponse<String> get =
                HTTP.send(HttpRequest.newBuilder(endpoint).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(404);
    }

    @Test
    void thePageIsServedAndTheEndpointStillRefusesWithoutAToken() throws Exception {
        HttpResponse<String> page = HTTP.send(
                HttpRequest.newBuilder(server.baseUri().resolve("/chat/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        URI room = URI.create("ws://127.0.0.1:" + server.baseUri().getPort() + "/chat/ws/lobby");
        assertThat(ChatClient.handshakeStatus(HTTP, room, null, ChatClient.Route.HEADER))
                .isEqualTo(401);
    }
}
