package io.switchboard.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.launch.DeployedWar;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The same WAR started without {@code chat.demo}: there is no token endpoint and no demo key, and the endpoint still
 * refuses handshakes without a token it can verify.
 */
class DemoModeOffIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static DeployedWar war;

    @BeforeAll
    static void startServer() throws Exception {
        war = DeployedWar.startSeparately("demo-off", "/chat", "", List.of());
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (war != null) {
            war.close();
        }
    }

    @Test
    void theTokenEndpointAnswers404() throws Exception {
        URI endpoint = war.page().resolve("api/token");
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
        HttpResponse<String> page =
                HTTP.send(HttpRequest.newBuilder(war.page()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        URI room = war.webSocket("ws/lobby");
        assertThat(ChatClient.handshakeStatus(HTTP, room, null, ChatClient.Route.HEADER))
                .isEqualTo(401);
    }
}
